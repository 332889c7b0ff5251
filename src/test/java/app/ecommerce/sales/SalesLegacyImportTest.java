package app.ecommerce.sales;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Seed;
import app.ecommerce.support.Sql;
import app.ecommerce.tools.LegacyImporter;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original system's shipped database, imported with the legacy importer, must give the
 * figures that the test computes on its own from the file (JDBC and BigDecimal over its rows).
 */
abstract class SalesLegacyImportTest extends EngineTest {
  static final Path SEED = Seed.file();

  LegacyImporter.Report report;
  /** Figures read straight from the seed: year → category id → {cents, units}. */
  final Map<String, Map<Long, BigDecimal[]>> byYear = new TreeMap<>();
  final Map<Long, String> categoryNames = new TreeMap<>();
  final Map<Long, Long> legacyStock = new TreeMap<>();
  long legacyItems;

  @BeforeAll
  void importSeed() throws Exception {
    try (Connection c = Seed.open();
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT substr(s.created_at, 1, 4), p.category_id, si.quantity,"
          + " CAST(si.price_per_unit AS TEXT) FROM sale s JOIN sale_item si ON si.sale_id = s.id"
          + " JOIN product p ON p.id = si.product_id")) {
        while (rs.next()) {
          BigDecimal[] sum = byYear.computeIfAbsent(rs.getString(1), y -> new TreeMap<>())
              .computeIfAbsent(rs.getLong(2), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
          BigDecimal quantity = BigDecimal.valueOf(rs.getLong(3));
          sum[0] = sum[0].add(quantity.multiply(new BigDecimal(rs.getString(4))));
          sum[1] = sum[1].add(quantity);
          legacyItems++;
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, category_name FROM category")) {
        while (rs.next()) {
          categoryNames.put(rs.getLong(1), rs.getString(2));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT product_id, SUM(quantity) FROM inventory GROUP BY product_id")) {
        while (rs.next()) {
          legacyStock.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    report = new LegacyImporter(server.app().config(), new PrintStream(OutputStream.nullOutputStream()))
        .importFrom(SEED, false);
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

  private static String money(BigDecimal amount) {
    return amount.setScale(2).toPlainString();
  }

  @Test
  void everythingIsImported() {
    assertEquals(new LegacyImporter.Report(5, 25, 1, 0, 2000, 2999, 0, 0), report);
    assertEquals(2999, legacyItems);
  }

  @Test
  void yearlyFiguresPerCategoryMatchTheFile() {
    JsonObject data = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC",
        "buckets", "yearly", "include_sales_items", "false");
    assertEquals(3, data.size());
    BigDecimal all = BigDecimal.ZERO;
    BigDecimal sumOfBuckets = BigDecimal.ZERO;
    for (String year : byYear.keySet()) {
      JsonObject block = data.getJsonObject(year + "-01-01T00:00:00," + year + "-12-31T23:59:59.999999");
      BigDecimal yearTotal = BigDecimal.ZERO;
      for (Map.Entry<Long, BigDecimal[]> e : byYear.get(year).entrySet()) {
        String key = e.getKey() + "," + categoryNames.get(e.getKey());
        assertEquals(money(e.getValue()[0]), block.getJsonObject("revenue_by_categories").getString(key), year + key);
        assertEquals(e.getValue()[1].longValueExact(), block.getJsonObject("quantity_by_categories").getLong(key));
        yearTotal = yearTotal.add(e.getValue()[0]);
      }
      assertEquals(money(yearTotal), block.getString("total_revenue"), year);
      all = all.add(yearTotal);
      sumOfBuckets = sumOfBuckets.add(new BigDecimal(block.getString("total_revenue")));
    }
    JsonObject total = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC",
        "include_sales_items", "false");
    assertEquals(money(all), total.getString("total_revenue"));
    assertEquals(0, all.compareTo(sumOfBuckets));
  }

  @Test
  void oneCategoryAndAllRows() {
    BigDecimal clothing = BigDecimal.ZERO;
    for (Map<Long, BigDecimal[]> year : byYear.values()) {
      if (year.containsKey(2L)) {
        clothing = clothing.add(year.get(2L)[0]);
      }
    }
    JsonObject data = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC",
        "category_ids", "[2]", "include_sales_items", "false");
    assertEquals(money(clothing), data.getString("total_revenue"));
    assertEquals(1, data.getJsonObject("revenue_by_categories").size());

    JsonObject rows = data("start_date", "2022-01-01", "end_date", "2024-12-31", "timezone", "UTC");
    assertEquals(2999, rows.getJsonArray("sales").size());
    JsonObject last = rows.getJsonArray("sales").getJsonObject(2998);
    assertTrue(rows.getJsonArray("sales").stream().anyMatch(o ->
        "2023-10-02T17:37:38.734705+00:00".equals(((JsonObject) o).getString("created_at"))), "microseconds kept");
    assertTrue(last.getString("created_at").startsWith("2024-09-25"), last::encode);
  }

  @Test
  void stockIsTheInventorySumAndTheLedgerAddsUpToIt() {
    legacyStock.forEach((product, stock) -> {
      Sql.StockState state = new Sql(server.db()).stock(product);
      assertEquals(stock, state.stock(), "stock of " + product);
      assertEquals(state.stock(), state.ledger(), "ledger of " + product);
      assertEquals(1000, state.restocked(), "the seed's products all started with 1000 units");
    });
  }

  @Test
  void legacyUsersKeepTheirPasswordHashAndAreCustomers() {
    assertEquals("customer", text( "SELECT role FROM users WHERE email = ?", "fadi@fahadbaig.com"));
    assertTrue(text( "SELECT password_hash FROM users WHERE email = ?", "fadi@fahadbaig.com")
        .startsWith("$argon2id$v=19$m=65536,t=3,p=4$"));
    // the original collection's password, verified against the original's own hash
    assertTrue(api.login("fadi@fahadbaig.com", "Hello123!@").length() > 20);
  }
}
