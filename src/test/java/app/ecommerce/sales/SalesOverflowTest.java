package app.ecommerce.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.sales.SalesFixtures.Product;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * get_sales_data when revenue passes 2^63 − 1 cents (API.md §3.12: totals never overflow). Data
 * an administrator made absurdly large, which the schema allows: sums past 64 bits, and single
 * lines whose revenue alone passes them, answered exactly in JSON (rows or not, buckets or not)
 * and in CSV.
 */
abstract class SalesOverflowTest extends EngineTest {
  /** 90 000 000.00 a unit: under the largest price (99 999 999.99). */
  private static final long PRICE_CENTS = 9_000_000_000L;
  private static final BigInteger PRICE = BigInteger.valueOf(PRICE_CENTS);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  SalesFixtures fx;
  long buyer;

  @BeforeAll
  void fixtures() {
    fx = new SalesFixtures(server);
    buyer = server.newCustomer("UTC").id();
  }

  private JsonObject data(Product product, String start, String end, Object... more) {
    Api.Call call = api.get("get_sales_data").token(admin()).query("start_date", start).query("end_date", end)
        .query("timezone", "UTC").query("product_ids", "[" + product.id() + "]");
    for (int i = 0; i < more.length; i += 2) {
      call.query((String) more[i], more[i + 1]);
    }
    Api.Response r = call.send();
    assertEquals(200, r.status(), () -> r.toString().substring(0, Math.min(400, r.toString().length())));
    return r.data();
  }

  private static String money(BigInteger cents) {
    return new BigDecimal(cents, 2).toPlainString();
  }

  /** Two lines of 9·10^18 cents each (each fits in 64 bits, their sum does not), on two days. */
  @Test
  void revenueSummedPast2To63CentsIsExact() {
    Product product = fx.product(fx.category("Huge"), "Tanker", "90000000.00");
    long quantity = 1_000_000_000L;
    fx.sale(buyer, "2001-02-03T10:00:00Z", product, quantity);
    fx.sale(buyer, "2001-02-04T10:00:00Z", product, quantity);
    BigInteger line = PRICE.multiply(BigInteger.valueOf(quantity));
    BigInteger total = line.add(line);
    assertTrue(total.compareTo(LONG_MAX) > 0);

    for (boolean rows : new boolean[] {false, true}) {
      JsonObject block = data(product, "2001-02-03", "2001-02-04", "include_sales_items", rows);
      assertEquals(money(total), block.getString("total_revenue"), "rows " + rows);
      assertEquals(money(total), block.getJsonObject("revenue_by_products").getString(product.key()));
      assertEquals(money(total), block.getJsonObject("revenue_by_categories")
          .getString(product.category().key()));
      assertEquals(2 * quantity, block.getJsonObject("quantity_by_products").getLong(product.key()));
      assertEquals(rows ? 2 : 0, block.getJsonArray("sales").size());
      if (rows) {
        assertEquals(money(line), block.getJsonArray("sales").getJsonObject(0).getString("revenue"));
      }
    }
    JsonObject days = data(product, "2001-02-03", "2001-02-04", "buckets", "daily", "include_sales_items", false);
    assertEquals(2, days.size());
    days.forEach(day -> assertEquals(money(line), ((JsonObject) day.getValue()).getString("total_revenue")));
    JsonObject year = data(product, "2001-01-01", "2001-12-31", "buckets", "yearly");
    assertEquals(money(total), ((JsonObject) year.iterator().next().getValue()).getString("total_revenue"));
  }

  /** One line whose revenue alone is 1.8·10^19 cents, written straight into the tables. */
  @Test
  void aLineWhoseRevenueAlonePasses2To63CentsIsExactInJsonAndCsv() {
    Product product = fx.product(fx.category("Huger"), "Supertanker", "90000000.00");
    long quantity = 2_000_000_000L;
    long at = Times.toMicros(Instant.parse("2002-03-04T05:06:07Z"));
    Sql sql = new Sql(server.db());
    sql.update("INSERT INTO sales (user_id, total_cents, created_at) VALUES (?, ?, ?)", buyer, 0L, at);
    long sale = sql.number("SELECT MAX(id) FROM sales WHERE created_at = ?", at);
    sql.update("INSERT INTO sale_items (sale_id, product_id, quantity, price_cents, created_at) VALUES (?, ?, ?, ?, ?)",
        sale, product.id(), quantity, PRICE_CENTS, at);
    fx.sale(buyer, "2002-03-04T06:00:00Z", product, 1);
    BigInteger line = PRICE.multiply(BigInteger.valueOf(quantity));
    BigInteger total = line.add(PRICE);
    assertTrue(line.compareTo(LONG_MAX) > 0);

    for (Object[] shape : new Object[][] {{"include_sales_items", false}, {"include_sales_items", true},
        {"buckets", "monthly"}}) {
      JsonObject data = data(product, "2002-03-01", "2002-03-31", shape);
      JsonObject block = shape[0].equals("buckets") ? (JsonObject) data.iterator().next().getValue() : data;
      assertEquals(money(total), block.getString("total_revenue"), () -> "shape " + shape[0] + "=" + shape[1]);
      assertEquals(quantity + 1, block.getJsonObject("quantity_by_categories").getLong(product.category().key()));
    }
    Api.Response csv = api.get("get_sales_data").token(admin()).query("start_date", "2002-03-01")
        .query("end_date", "2002-03-31").query("timezone", "UTC").query("product_ids", "[" + product.id() + "]")
        .query("format", "csv").send();
    assertEquals(200, csv.status(), csv::toString);
    String[] lines = csv.body().split("\r\n");
    assertEquals(3, lines.length, csv::body);
    String[] first = lines[1].split(",");
    assertEquals(String.valueOf(quantity), first[7]);
    assertEquals(money(line), first[8], lines[1]);
  }
}
