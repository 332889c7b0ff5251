package app.ecommerce.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.LegacyDatabase;
import app.ecommerce.support.SalesTotalsCheck;
import app.ecommerce.support.Sql;
import app.ecommerce.tools.LegacyImporter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the original system, built by {@link LegacyDatabase} in that system's schema and
 * imported with the legacy importer, must give the figures the test computes from the values it
 * wrote (cents and units, exactly), through the API's analytics as through the tables.
 */
abstract class SalesLegacyImportTest extends EngineTest {
  @TempDir
  static Path legacyDir;
  LegacyDatabase legacy;
  LegacyImporter.Report report;
  /** year → category id → {cents, units}, from the sales the import keeps. */
  final Map<Integer, Map<Long, long[]>> byYear = new TreeMap<>();

  @BeforeAll
  void importLegacyDatabase() throws Exception {
    legacy = LegacyDatabase.create(legacyDir);
    for (LegacyDatabase.Sale sale : legacy.sales) {
      for (LegacyDatabase.Item item : sale.items()) {
        long[] sum = byYear.computeIfAbsent(sale.at().getYear(), y -> new TreeMap<>())
            .computeIfAbsent(LegacyDatabase.product(item.productId()).categoryId(), k -> new long[2]);
        sum[0] += item.quantity() * item.cents();
        sum[1] += item.quantity();
      }
    }
    report = new LegacyImporter(server.app().config(), new PrintStream(OutputStream.nullOutputStream()))
        .importFrom(legacy.file, false);
  }

  private JsonObject data(Object... nameValue) {
    Api.Call call = api.get("get_sales_data").token(admin());
    for (int i = 0; i < nameValue.length; i += 2) {
      call.query((String) nameValue[i], nameValue[i + 1]);
    }
    Api.Response r = call.send();
    assertEquals(200, r.status(), r::toString);
    return r.data();
  }

  private String text(String sql, String param) {
    try (Connection c = server.db().jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, param);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String money(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  @Test
  void everythingValidIsImportedAndTheRestCounted() {
    assertEquals(new LegacyImporter.Report(LegacyDatabase.CATEGORIES.size(), LegacyDatabase.PRODUCTS.size(), 1, 0,
        legacy.sales.size(), legacy.itemCount(), legacy.skippedSales, legacy.skippedItems), report);
    assertEquals(legacy.sales.size(), new Sql(server.db()).number("SELECT COUNT(*) FROM sales"));
    assertEquals(SalesTotalsCheck.lastItem(server.db()), SalesTotalsCheck.mark(server.db()));
    SalesTotalsCheck.assertTotalsAreTheRows(server.db());
  }

  @Test
  void pricesWithFloatNoiseBecomeExactCents() {
    for (LegacyDatabase.Product p : LegacyDatabase.PRODUCTS) {
      assertEquals(p.cents(), new Sql(server.db()).number("SELECT price_cents FROM products WHERE id = " + p.id()),
          p.name() + " stored as " + p.stored());
    }
    assertEquals(0, new Sql(server.db()).number("SELECT COUNT(*) FROM sales s WHERE total_cents <>"
        + " (SELECT SUM(i.quantity * i.price_cents) FROM sale_items i WHERE i.sale_id = s.id)"));
  }

  @Test
  void yearlyFiguresPerCategoryAreTheComputedOnes() {
    JsonObject data = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC",
        "buckets", "yearly", "include_sales_items", "false");
    assertEquals(3, data.size());
    long all = 0;
    for (Map.Entry<Integer, Map<Long, long[]>> year : byYear.entrySet()) {
      JsonObject block = data.getJsonObject(year.getKey() + "-01-01T00:00:00," + year.getKey() + "-12-31T23:59:59.999999");
      long yearTotal = 0;
      for (Map.Entry<Long, long[]> e : year.getValue().entrySet()) {
        String key = e.getKey() + "," + LegacyDatabase.CATEGORIES.get(e.getKey());
        assertEquals(money(e.getValue()[0]), block.getJsonObject("revenue_by_categories").getString(key), year + key);
        assertEquals(e.getValue()[1], block.getJsonObject("quantity_by_categories").getLong(key), year + key);
        yearTotal += e.getValue()[0];
      }
      assertEquals(money(yearTotal), block.getString("total_revenue"), year.getKey().toString());
      all += yearTotal;
    }
    JsonObject total = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC",
        "include_sales_items", "false");
    assertEquals(money(all), total.getString("total_revenue"));
  }

  @Test
  void oneCategoryAndAllRowsWithTheirMicroseconds() {
    long clothing = byYear.values().stream().filter(y -> y.containsKey(2L)).mapToLong(y -> y.get(2L)[0]).sum();
    JsonObject data = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC",
        "category_ids", "[2]", "include_sales_items", "false");
    assertEquals(money(clothing), data.getString("total_revenue"));
    assertEquals(1, data.getJsonObject("revenue_by_categories").size());

    JsonArray rows = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC")
        .getJsonArray("sales");
    assertEquals(legacy.itemCount(), rows.size());
    assertTrue(rows.stream().anyMatch(o -> "2023-10-02T17:37:38.734705+00:00".equals(((JsonObject) o)
        .getString("created_at"))), "microseconds kept");
    assertTrue(rows.getJsonObject(rows.size() - 1).getString("created_at").startsWith("2024-09-25"),
        () -> rows.getJsonObject(rows.size() - 1).encode());
  }

  @Test
  void stockIsTheInventorySumAndTheLedgerAddsUpToIt() {
    Map<Long, Long> sold = legacy.sold();
    for (LegacyDatabase.Product p : LegacyDatabase.PRODUCTS) {
      long stock = LegacyDatabase.STOCK.getOrDefault(p.id(), 0L);
      Sql.StockState state = new Sql(server.db()).stock(p.id());
      assertEquals(stock, state.stock(), "stock of " + p.name());
      assertEquals(state.stock(), state.ledger(), "ledger of " + p.name());
      assertEquals(stock + sold.getOrDefault(p.id(), 0L), state.restocked(), "restocked " + p.name());
    }
  }

  @Test
  void theLegacyUserKeepsThePasslibHashAndLogsInWithIt() {
    assertEquals("customer", text("SELECT role FROM users WHERE email = ?", LegacyDatabase.EMAIL));
    assertTrue(text("SELECT password_hash FROM users WHERE email = ?", LegacyDatabase.EMAIL)
        .startsWith("$argon2id$v=19$m=65536,t=3,p=4$"));
    assertTrue(api.login(LegacyDatabase.EMAIL, LegacyDatabase.PASSWORD).length() > 20);
  }
}
