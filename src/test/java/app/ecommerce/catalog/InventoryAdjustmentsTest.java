package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** adjust_inventory and get_inventory_movements (API.md §5): corrections with an audit trail. */
abstract class InventoryAdjustmentsTest extends EngineTest {

  private Api.Call adjust(long product, long change, String note) {
    return api.put("adjust_inventory").token(admin()).json(new JsonObject().put("product_id", product)
        .put("change", change).put("note", note));
  }

  private JsonObject movements(long product, int page, int perPage) {
    return Expect.ok(api.get("get_inventory_movements").token(admin()).query("product_id", product)
        .query("page", page).query("per_page", perPage).send(), "Inventory movements retrieved successfully");
  }

  @Test
  void adjustmentsMoveTheStockBothWaysAndTheLedgerSaysWhoWhyAndWhen() {
    long product = CatalogFixtures.product(api, admin(), "Glass vase", "20.00");
    CatalogFixtures.stock(api, admin(), product, 10);
    String customer = server.newCustomerToken();
    long sale = Expect.ok(api.post("purchase_products").token(customer).json(new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", 2)))).send()).getLong("id");
    JsonObject down = Expect.ok(adjust(product, -3, "Broken in the warehouse").send(), "Inventory adjusted successfully");
    Expect.keys(down, "product_id", "quantity", "change", "note", "updated_at");
    assertEquals(5L, down.getLong("quantity"));
    assertEquals(-3L, down.getLong("change"));
    assertEquals(7L, Expect.ok(adjust(product, 2, "Found in a count").send()).getLong("quantity"));

    JsonObject ledger = movements(product, 1, 10);
    Expect.keys(ledger, "movements", "page", "per_page", "total", "has_more");
    assertEquals(4L, ledger.getLong("total"));
    assertFalse(ledger.getBoolean("has_more"));
    List<JsonObject> rows = new ArrayList<>();
    ledger.getJsonArray("movements").forEach(m -> rows.add((JsonObject) m));
    Expect.keys(rows.get(0), "id", "product_id", "change", "reason", "sale_id", "note", "user_id", "created_at");
    assertEquals(List.of("adjustment", "adjustment", "sale", "restock"), rows.stream().map(m -> m.getString("reason")).toList());
    assertEquals(List.of(2L, -3L, -2L, 10L), rows.stream().map(m -> m.getLong("change")).toList());
    assertEquals("Found in a count", rows.get(0).getString("note"));
    assertEquals(sale, rows.get(2).getLong("sale_id"));
    assertNull(rows.get(3).getValue("sale_id"));
    assertNull(rows.get(3).getValue("note"));
    long adminId = new Sql(server.db()).number("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1");
    assertEquals(adminId, rows.get(0).getLong("user_id"));
    assertTrue(rows.get(0).getLong("id") > rows.get(1).getLong("id"));
    JsonObject second = movements(product, 2, 3);
    assertEquals(1, second.getJsonArray("movements").size());
    assertTrue(movements(product, 1, 3).getBoolean("has_more"));
    Sql.StockState state = new Sql(server.db()).stock(product);
    assertEquals(state.stock(), state.ledger());
  }

  @Test
  void theStockNeverGoesBelowZeroAndRefusalsChangeNothing() {
    long product = CatalogFixtures.product(api, admin(), "Thin stock", "1.00");
    CatalogFixtures.stock(api, admin(), product, 4);
    Api.Response refused = adjust(product, -5, "Too many").send();
    assertEquals(409, refused.status(), refused::toString);
    assertEquals("insufficient_stock", refused.data().getString("reason"));
    assertEquals(4L, refused.data().getLong("quantity"));
    assertEquals(0L, Expect.ok(adjust(product, -4, "All gone").send()).getLong("quantity"));
    assertEquals(2L, movements(product, 1, 10).getLong("total"));
    Expect.invalid(adjust(product, 0, "Nothing").send(), "change", "Value error, change must not be 0");
    Expect.invalid(adjust(product, -1_000_001, "Too big").send(), "change",
        "Input should be greater than or equal to -1000000");
    Expect.invalid(api.put("adjust_inventory").token(admin()).json(new JsonObject().put("product_id", product)
        .put("change", 1)).send(), "note", "Field required");
    Expect.invalid(adjust(product, 1, "").send(), "note", "String should have at least 1 character");
    Expect.error(adjust(987_654_321L, 1, "Nobody").send(), 404, "Product does not exist");
    Expect.error(adjust(987_654_321L, -1, "Nobody").send(), 404, "Product does not exist");
    Expect.error(api.get("get_inventory_movements").token(admin()).query("product_id", 987_654_321L).send(), 404,
        "Product does not exist");
    String customer = server.newCustomerToken();
    Expect.error(api.put("adjust_inventory").token(customer).json(new JsonObject()).send(), 403);
    Expect.error(api.get("get_inventory_movements").token(customer).query("product_id", product).send(), 403);
    Expect.unauthorized(api.get("get_inventory_movements").query("product_id", product).send());
  }

  /**
   * 100 buyers of one unit each and 20 write-offs of 5 units each, all at once, on 150 units:
   * demand is 200, so some must be refused; none may oversell, and the ledger must still sum to
   * the stock.
   */
  @Test
  void writeOffsRacingBuyersNeverOversell() {
    long product = CatalogFixtures.product(api, admin(), "Contended", "3.00");
    CatalogFixtures.stock(api, admin(), product, 150);
    List<String> buyers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      buyers.add(server.newCustomerToken());
    }
    List<CompletableFuture<Api.Response>> purchases = new ArrayList<>();
    List<CompletableFuture<Api.Response>> writeOffs = new ArrayList<>();
    List<Runnable> starts = new ArrayList<>();
    for (String buyer : buyers) {
      starts.add(() -> purchases.add(api.post("purchase_products").token(buyer).json(new JsonObject().put("items",
          new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", 1)))).sendAsync()));
    }
    for (int i = 0; i < 20; i++) {
      starts.add(() -> writeOffs.add(adjust(product, -5, "Water damage").sendAsync()));
    }
    Collections.shuffle(starts, new java.util.Random(28));
    starts.forEach(Runnable::run);
    long bought = purchases.stream().map(CompletableFuture::join).filter(r -> r.status() == 200).count();
    purchases.stream().map(CompletableFuture::join).forEach(r -> assertTrue(r.status() == 200 || r.status() == 409,
        r::toString));
    long writtenOff = 5 * writeOffs.stream().map(CompletableFuture::join).filter(r -> r.status() == 200).count();
    writeOffs.stream().map(CompletableFuture::join).forEach(r -> assertTrue(r.status() == 200 || r.status() == 409,
        r::toString));
    Sql.StockState state = new Sql(server.db()).stock(product);
    assertTrue(state.stock() >= 0);
    assertEquals(150 - bought - writtenOff, state.stock(), () -> bought + " bought, " + writtenOff + " written off");
    assertEquals(bought, state.sold());
    assertEquals(state.stock(), state.ledger());
    assertTrue(bought + writtenOff <= 150);
  }
}
