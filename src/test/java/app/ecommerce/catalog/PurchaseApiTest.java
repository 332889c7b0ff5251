package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** purchase_products (API.md §3.11): shapes, line reasons, atomicity of the sale, validation. */
abstract class PurchaseApiTest extends EngineTest {

  private static JsonObject items(long... productQuantityPairs) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < productQuantityPairs.length; i += 2) {
      items.add(new JsonObject().put("product_id", productQuantityPairs[i]).put("quantity", productQuantityPairs[i + 1]));
    }
    return new JsonObject().put("items", items);
  }

  @Test
  void successfulPurchaseHasTheDocumentedShapeAndExactTotal() {
    long a = CatalogFixtures.product(api, admin(), "Purchase A", "1499.99");
    long b = CatalogFixtures.product(api, admin(), "Purchase B", "0.10");
    CatalogFixtures.stock(api, admin(), a, 10);
    CatalogFixtures.stock(api, admin(), b, 10);
    String customer = server.newCustomer("Asia/Karachi").token();

    Api.Response r = api.post("purchase_products").token(customer).json(items(a, 3, b, 7)).send();

    assertEquals(200, r.status(), r::toString);
    assertEquals("Products purchased successfully", r.message());
    JsonObject data = r.data();
    assertEquals(List.of("id", "user_id", "total_amount", "created_at", "purchased_items", "failed_items"),
        List.copyOf(data.fieldNames()));
    assertEquals("4500.67", data.getString("total_amount")); // 3 × 1499.99 + 7 × 0.10, exactly
    assertTrue(data.getString("created_at").endsWith("+05:00"), data::encode);
    JsonArray purchased = data.getJsonArray("purchased_items");
    assertEquals(2, purchased.size());
    JsonObject first = purchased.getJsonObject(0);
    assertEquals(Set.of("id", "sale_id", "product_id", "quantity", "price_per_unit"), first.fieldNames());
    assertEquals(data.getLong("id"), first.getLong("sale_id"));
    assertEquals("1499.99", first.getString("price_per_unit"));
    assertEquals(0, data.getJsonArray("failed_items").size());
    assertEquals(7, stockOf(a));
    assertEquals(3, stockOf(b));
    assertEquals(450_067, new Sql(server.db()).number("SELECT total_cents FROM sales WHERE id = ?", data.getLong("id")));
  }

  @Test
  void eachLineSucceedsOrFailsOnItsOwnWithAReason() {
    long cat = CatalogFixtures.category(api, admin());
    long ok = CatalogFixtures.product(api, admin(), cat, "Line ok", "2.50", true);
    long inactive = CatalogFixtures.product(api, admin(), cat, "Line inactive", "2.50", false);
    long scarce = CatalogFixtures.product(api, admin(), cat, "Line scarce", "2.50", true);
    CatalogFixtures.stock(api, admin(), ok, 5);
    CatalogFixtures.stock(api, admin(), inactive, 5);
    CatalogFixtures.stock(api, admin(), scarce, 1);

    Api.Response r = api.post("purchase_products").token(server.newCustomerToken())
        .json(items(ok, 2, 999_999_999L, 1, inactive, 1, scarce, 2)).send();

    assertEquals(200, r.status(), r::toString);
    assertEquals(1, r.data().getJsonArray("purchased_items").size());
    assertEquals("5.00", r.data().getString("total_amount"));
    JsonArray failed = r.data().getJsonArray("failed_items");
    assertEquals(new JsonObject().put("product_id", 999_999_999L).put("quantity", 1).put("reason", "product_not_found"),
        failed.getJsonObject(0));
    assertEquals("product_inactive", failed.getJsonObject(1).getString("reason"));
    assertEquals("insufficient_stock", failed.getJsonObject(2).getString("reason"));
    assertEquals(3, stockOf(ok));
    assertEquals(1, stockOf(scarce));
  }

  @Test
  void theSameProductInSeveralLinesIsTakenInOrder() {
    long p = CatalogFixtures.product(api, admin(), "Repeated line", "1.00");
    CatalogFixtures.stock(api, admin(), p, 5);

    Api.Response r = api.post("purchase_products").token(server.newCustomerToken())
        .json(items(p, 3, p, 3, p, 2)).send();

    assertEquals(200, r.status(), r::toString);
    assertEquals(2, r.data().getJsonArray("purchased_items").size());
    assertEquals("insufficient_stock", r.data().getJsonArray("failed_items").getJsonObject(0).getString("reason"));
    assertEquals(3, r.data().getJsonArray("failed_items").getJsonObject(0).getLong("quantity"));
    assertEquals("5.00", r.data().getString("total_amount"));
    assertEquals(0, stockOf(p));
    Sql.StockState state = new Sql(server.db()).stock(p);
    assertEquals(state.stock(), state.ledger());
    assertEquals(5, state.sold());
  }

  @Test
  void nothingPurchasableIsA409WithoutASaleRow() {
    long p = CatalogFixtures.product(api, admin(), "Empty shelf", "1.00");
    long salesBefore = new Sql(server.db()).number("SELECT COUNT(*) FROM sales");

    Api.Response r = api.post("purchase_products").token(server.newCustomerToken()).json(items(p, 1)).send();

    assertEquals(409, r.status(), r::toString);
    assertEquals("No items could be purchased", r.message());
    assertEquals(false, r.json().getBoolean("success"));
    assertEquals("insufficient_stock", r.data().getJsonArray("failed_items").getJsonObject(0).getString("reason"));
    assertEquals(salesBefore, new Sql(server.db()).number("SELECT COUNT(*) FROM sales"));
  }

  @Test
  void stockIsVisibleAtOnceInGetProductAndLowStock() {
    long p = CatalogFixtures.product(api, admin(), "Low after sale", "3.00");
    CatalogFixtures.stock(api, admin(), p, 12);
    assertEquals(200, api.post("purchase_products").token(server.newCustomerToken()).json(items(p, 5)).send().status());

    assertEquals(7, api.get("get_product").token(admin()).query("product_id", p).send().data().getLong("quantity"));
    JsonArray low = api.get("get_low_stock_products").token(admin()).query("quantity_threshold", 7).send()
        .data().getJsonArray("products");
    assertTrue(low.stream().anyMatch(o -> ((JsonObject) o).getLong("id") == p), low::encode);
  }

  @Test
  void itemsAreValidated() {
    String customer = server.newCustomerToken();
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 101; i++) {
      tooMany.add(new JsonObject().put("product_id", 1).put("quantity", 1));
    }
    assertValidation(customer, new JsonObject().put("items", new JsonArray()), "items",
        "List should have at least 1 item after validation, not 0");
    assertValidation(customer, new JsonObject().put("items", tooMany), "items",
        "List should have at most 100 items after validation, not 101");
    assertValidation(customer, items(1, 0), "items.0.quantity", "Input should be greater than or equal to 1");
    assertValidation(customer, items(1, 10_001), "items.0.quantity", "Input should be less than or equal to 10000");
    assertValidation(customer, items(0, 1), "items.0.product_id", "Input should be greater than or equal to 1");
    assertValidation(customer, new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", 1)
        .put("quantity", 4294967297L))), "items.0.quantity", "Input should be less than or equal to 10000");
    assertValidation(customer, new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", 1)
        .put("quantity", 1.5))), "items.0.quantity", "Input should be a valid integer, got a number with a fractional part");
    assertValidation(customer, new JsonObject().put("items", new JsonArray().add("x")), "items.0",
        "Input should be a valid dictionary or object to extract fields from");
    assertValidation(customer, new JsonObject(), "items", "Field required");
  }

  @Test
  void aMalformedIdempotencyKeyIsA422() {
    Api.Response r = api.post("purchase_products").token(server.newCustomerToken())
        .header("Idempotency-Key", "x".repeat(256)).json(items(1, 1)).send();
    assertEquals(422, r.status(), r::toString);
    assertTrue(r.data().containsKey("Idempotency-Key"), r::toString);
  }

  private void assertValidation(String token, JsonObject body, String path, String message) {
    Api.Response r = api.post("purchase_products").token(token).json(body).send();
    assertEquals(422, r.status(), r::toString);
    assertEquals(message, r.data().getString(path), r::toString);
  }

  private long stockOf(long productId) {
    return api.get("get_product").token(admin()).query("product_id", productId).send().data().getLong("quantity");
  }
}
