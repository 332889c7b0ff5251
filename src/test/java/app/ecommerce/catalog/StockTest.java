package app.ecommerce.catalog;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Jwt;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** add_inventory and get_low_stock_products (API.md §3.9, §3.10). */
abstract class StockTest extends EngineTest {

  private Api.Response add(Object productId, Object quantity) {
    return api.put("add_inventory").token(admin())
        .json(new JsonObject().put("product_id", productId).put("quantity", quantity)).send();
  }

  @Test
  void addingStockIncrementsItAndWritesTheLedger() {
    long id = CatalogFixtures.product(api, admin(), CatalogFixtures.unique("Stocked"), "2.00");
    JsonObject first = Expect.ok(add(id, 5), "Inventory added successfully");
    Expect.keys(first, "product_id", "quantity", "added", "updated_at");
    assertEquals(id, first.getLong("product_id"));
    assertEquals(5, first.getInteger("quantity"));
    assertEquals(5, first.getInteger("added"));
    assertTrue(first.getString("updated_at").endsWith("+00:00"), first::encode);
    JsonObject second = Expect.ok(add(id, 7));
    assertEquals(12, second.getInteger("quantity"));
    assertEquals(7, second.getInteger("added"));
    assertTrue(!OffsetDateTime.parse(second.getString("updated_at"))
        .isBefore(OffsetDateTime.parse(first.getString("updated_at"))));

    JsonObject product = Expect.ok(api.get("get_product").token(admin()).query("product_id", id).send());
    assertEquals(12, product.getInteger("quantity"));
    assertEquals(12, product.getJsonObject("inventory").getInteger("quantity"));
    assertEquals(second.getString("updated_at"), product.getJsonObject("inventory").getString("updated_at"));

    long adminId = Jwt.claims(admin()).getLong("user_id");
    List<Map<String, Object>> ledger = new Sql(server.db()).rows(
        "SELECT delta, reason, sale_id, user_id FROM inventory_movements WHERE product_id = ? ORDER BY id", id);
    assertEquals(2, ledger.size());
    assertEquals(List.of(5L, 7L), ledger.stream().map(r -> ((Number) r.get("delta")).longValue()).toList());
    for (Map<String, Object> row : ledger) {
      assertEquals("restock", row.get("reason"));
      assertEquals(null, row.get("sale_id"));
      assertEquals(adminId, ((Number) row.get("user_id")).longValue());
    }
    assertEquals(12L, new Sql(server.db()).number("SELECT quantity FROM inventories WHERE product_id = ?", id));
  }

  @Test
  void stockCanBeAddedToAnInactiveProduct() {
    long category = CatalogFixtures.category(api, admin());
    long id = CatalogFixtures.product(api, admin(), category, "Resting", "2.00", false);
    assertEquals(4, Expect.ok(add(id, 4)).getInteger("quantity"));
  }

  @Test
  void anUnknownProductIs404AndLeavesNoTrace() {
    long before = new Sql(server.db()).number("SELECT COUNT(*) FROM inventory_movements");
    Expect.error(add(987_654_321L, 5), 404, "Product does not exist");
    Expect.error(add(Long.MAX_VALUE, 5), 404, "Product does not exist");
    assertEquals(before, new Sql(server.db()).number("SELECT COUNT(*) FROM inventory_movements"));
  }

  @Test
  void theQuantityIsValidated() {
    long id = CatalogFixtures.product(api, admin(), CatalogFixtures.unique("Bounds"), "2.00");
    Expect.invalid(add(id, 0), "quantity", "Input should be greater than or equal to 1");
    Expect.invalid(add(id, -5), "quantity", "Input should be greater than or equal to 1");
    Expect.invalid(add(id, 1_000_001), "quantity", "Input should be less than or equal to 1000000");
    Expect.invalid(add(id, 1.5), "quantity", "Input should be a valid integer, got a number with a fractional part");
    Expect.invalid(add(id, "many"), "quantity", "Input should be a valid integer, unable to parse string as an integer");
    Expect.invalid(add(id, new BigDecimal("1e400")), "quantity", "Input should be less than or equal to 1000000");
    Expect.invalid(add("x", 1), "product_id", "Input should be a valid integer, unable to parse string as an integer");
    JsonObject missing = Expect.invalid(api.put("add_inventory").token(admin()).json(new JsonObject()).send());
    assertEquals(new JsonObject().put("product_id", "Field required").put("quantity", "Field required"), missing);
    assertEquals(0L, new Sql(server.db()).number("SELECT COUNT(*) FROM inventory_movements WHERE product_id = ?", id));
    assertEquals(1_000_000, Expect.ok(add(id, 1_000_000)).getInteger("quantity"));
    assertEquals(1_000_001, Expect.ok(add(id, "1")).getInteger("quantity"));
  }

  @Test
  void lowStockListsActiveProductsAtOrBelowTheThresholdLowestFirst() {
    long category = CatalogFixtures.category(api, admin());
    long p0 = CatalogFixtures.product(api, admin(), category, "Empty", "1.00", true);
    long p10 = CatalogFixtures.product(api, admin(), category, "At ten", "1.00", true);
    long p5 = CatalogFixtures.product(api, admin(), category, "At five", "1.00", true);
    long p11 = CatalogFixtures.product(api, admin(), category, "At eleven", "1.00", true);
    long retired = CatalogFixtures.product(api, admin(), category, "Retired", "1.00", false);
    long other5 = CatalogFixtures.product(api, admin(), category, "Also five", "1.00", true);
    CatalogFixtures.stock(api, admin(), p10, 10);
    CatalogFixtures.stock(api, admin(), p5, 5);
    CatalogFixtures.stock(api, admin(), p11, 11);
    CatalogFixtures.stock(api, admin(), retired, 1);
    CatalogFixtures.stock(api, admin(), other5, 5);
    List<Long> mine = List.of(p0, p10, p5, p11, retired, other5);

    JsonObject byDefault = Expect.ok(api.get("get_low_stock_products").token(admin()).send(),
        "Low Stock Products retrieved successfully");
    Expect.keys(byDefault, "products", "page", "per_page", "total", "has_more", "total_capped");
    assertEquals(List.of(p0, p5, other5, p10), only(byDefault, mine));
    assertWellFormed(byDefault, 10);
    assertEquals(List.of(p0, p5, other5), only(Expect.ok(api.get("get_low_stock_products").token(admin())
        .query("quantity_threshold", 5).send()), mine));
    assertEquals(List.of(p0), only(Expect.ok(api.get("get_low_stock_products").token(admin())
        .query("quantity_threshold", 0).send()), mine));
    JsonObject high = Expect.ok(api.get("get_low_stock_products").token(admin())
        .json(new JsonObject().put("quantity_threshold", 11)).send());
    assertEquals(List.of(p0, p5, other5, p10, p11), only(high, mine));
    assertWellFormed(high, 11);
    JsonObject first = high.getJsonArray("products").stream().map(o -> (JsonObject) o)
        .filter(p -> p.getLong("id") == p0).findFirst().orElseThrow();
    Expect.keys(first, "id", "product_name", "description", "category_id", "price", "is_active", "quantity",
        "created_at", "updated_at", "category_name", "category_slug");
  }

  @Test
  void theThresholdIsValidated() {
    Expect.invalid(api.get("get_low_stock_products").token(admin()).query("quantity_threshold", -1).send(),
        "quantity_threshold", "Input should be greater than or equal to 0");
    Expect.invalid(api.get("get_low_stock_products").token(admin()).query("quantity_threshold", "low").send(),
        "quantity_threshold", "Input should be a valid integer, unable to parse string as an integer");
    Expect.invalid(api.get("get_low_stock_products").token(admin()).query("quantity_threshold", "2.5").send(),
        "quantity_threshold", "Input should be a valid integer, got a number with a fractional part");
  }

  /** The listed ids that belong to this test, in the order listed. */
  private static List<Long> only(JsonObject data, List<Long> mine) {
    return data.getJsonArray("products").stream().map(p -> ((JsonObject) p).getLong("id")).filter(mine::contains)
        .collect(Collectors.toList());
  }

  /** Every listed product is active, at or below the threshold, and the list is lowest stock first. */
  private static void assertWellFormed(JsonObject data, long threshold) {
    long previous = -1;
    for (Object o : data.getJsonArray("products")) {
      JsonObject p = (JsonObject) o;
      assertEquals(true, p.getBoolean("is_active"), p::encode);
      assertTrue(p.getLong("quantity") <= threshold, p::encode);
      assertTrue(p.getLong("quantity") >= previous, p::encode);
      previous = p.getLong("quantity");
    }
  }
}
