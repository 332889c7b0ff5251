package app.ecommerce.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.SalesTotalsCheck;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Demo data on the first start of a new database: the original catalog exactly as the reference
 * database has it, the demo accounts the README names, about 2000 sales, and stock that equals
 * its ledger.
 */
abstract class DemoDataTest extends EngineTest {

  @Override
  protected Map<String, String> settings() {
    return Map.of("DEMO_DATA", "true");
  }

  /**
   * The catalog comes from the project's own copy of the original's ({@code demo/catalog.json}):
   * every product with its price and category as that file has them, and the figures the
   * original shipped with (ORIGINAL-API.md §10) pinned here so that the copy itself cannot drift.
   */
  @Test
  void theCatalogIsTheOriginalOne() throws Exception {
    JsonObject catalog;
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream("demo/catalog.json")) {
      catalog = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    catalog.getJsonArray("products").forEach(o -> {
      JsonObject p = (JsonObject) o;
      expected.put(p.getString("product_name"), new BigDecimal(p.getString("price")).setScale(2).toPlainString()
          + " " + p.getString("category_slug"));
    });
    String customer = api.login(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD);
    JsonArray products = api.get("get_products").token(customer).query("per_page", 100).send()
        .data().getJsonArray("products");
    Map<String, String> actual = new LinkedHashMap<>();
    products.forEach(o -> {
      JsonObject p = (JsonObject) o;
      actual.put(p.getString("product_name"), p.getString("price") + " " + p.getString("category_slug"));
    });
    assertEquals(expected, actual);
    assertEquals(25, actual.size());
    assertEquals("999.99 electronics", actual.get("iPhone 13 Pro"));
    assertEquals("1499.99 electronics", actual.get("Samsung Galaxy Z Fold 3"));
    assertEquals("19.99 clothing", actual.get("Nike Air Max 90"));
    assertEquals("20.00 toys-games", actual.get("Nerf Elite Blaster"));
    assertEquals("10.99 books", actual.get("The Silent Patient"));
    assertEquals(5, api.get("get_categories").token(customer).send().data().getLong("total"));
  }

  @Test
  void theDemoAdminCanUseAdminEndpoints() {
    String adminToken = api.login(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
    Api.Response low = api.get("get_low_stock_products").token(adminToken).query("quantity_threshold", 100_000)
        .query("per_page", 100).send();
    assertEquals(200, low.status(), low::toString);
    assertEquals(25, low.data().getJsonArray("products").size());
  }

  @Test
  void aboutTwoThousandSalesOverThreeYearsWithAConsistentLedger() {
    long sales = new Sql(server.db()).number("SELECT COUNT(*) FROM sales");
    assertEquals(DemoData.DEFAULT_SALES, sales);
    long items = new Sql(server.db()).number("SELECT COUNT(*) FROM sale_items");
    assertTrue(items > 2_500 && items < 3_500, "items: " + items);
    long spanDays = (new Sql(server.db()).number("SELECT MAX(created_at) - MIN(created_at) FROM sales")) / 86_400_000_000L;
    assertTrue(spanDays > 1_000 && spanDays <= 3 * 366, "span in days: " + spanDays);
    assertEquals(0, new Sql(server.db()).number("SELECT COUNT(*) FROM sales s WHERE total_cents <>"
        + " (SELECT SUM(i.quantity * i.price_cents) FROM sale_items i WHERE i.sale_id = s.id)"));
    for (long p = 1; p <= 25; p++) {
      Sql.StockState state = new Sql(server.db()).stock(p);
      assertEquals(state.stock(), state.ledger(), "ledger of product " + p);
      assertEquals(state.restocked(), state.stock() + state.sold(), "restocked = stock + sold for " + p);
    }
  }

  /**
   * The ledger as the generator has always numbered it: the 25 restocks first, then one movement
   * per sale item in the items' order, with no gap (whatever ids the driver's batches would get).
   */
  @Test
  void theLedgerRunsRestocksThenOneMovementPerSaleItem() {
    Sql sql = new Sql(server.db());
    long items = sql.number("SELECT COUNT(*) FROM sale_items");
    assertEquals(25 + items, sql.number("SELECT COUNT(*) FROM inventory_movements"));
    assertEquals(25 + items, sql.number("SELECT MAX(id) FROM inventory_movements"));
    assertEquals(25, sql.number("SELECT COUNT(*) FROM inventory_movements WHERE id <= 25 AND reason = 'restock'"
        + " AND product_id = id AND sale_id IS NULL"));
    assertEquals(items, sql.number("SELECT COUNT(*) FROM inventory_movements m JOIN sale_items i ON m.id = i.id + 25"
        + " WHERE m.reason = 'sale' AND m.sale_id = i.sale_id AND m.product_id = i.product_id"
        + " AND m.delta = -i.quantity AND m.created_at = i.created_at"));
  }

  @Test
  void theSalesTotalsAreWrittenWithTheSales() {
    assertEquals(SalesTotalsCheck.lastItem(server.db()), SalesTotalsCheck.mark(server.db()));
    SalesTotalsCheck.assertTotalsAreTheRows(server.db());
  }
}
