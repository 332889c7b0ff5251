package app.ecommerce.sales;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import app.ecommerce.tools.DemoData;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refusals that protect the server (more than 10000 buckets, more than 100000 rows in JSON)
 * and the CSV export that has no such limit, on the demo data generator's ~105000 sale items.
 */
abstract class SalesLimitsTest extends EngineTest {
  static final String ALL_TIME_START = "2000-01-01";
  static final String ALL_TIME_END = "2099-12-31";
  long items;
  long cents;

  @BeforeAll
  void generate() throws Exception {
    new DemoData(server.app().config(), new PrintStream(OutputStream.nullOutputStream())).generate(70_000);
    items = new Sql(server.db()).number("SELECT COUNT(*) FROM sale_items");
    cents = new Sql(server.db()).number("SELECT SUM(quantity * price_cents) FROM sale_items");
    assertTrue(items > 100_000, "the demo data must exceed the JSON row limit, has " + items);
  }

  private Api.Response get(Object... nameValue) {
    Api.Call call = api.get("get_sales_data").token(admin());
    for (int i = 0; i < nameValue.length; i += 2) {
      call.query((String) nameValue[i], nameValue[i + 1]);
    }
    return call.send();
  }

  private static long cents(String money) {
    return new BigDecimal(money).movePointRight(2).longValueExact();
  }

  @Test
  void moreThan100000RowsInJsonAreRefusedWithAHint() {
    Api.Response r = get("start_date", ALL_TIME_START, "end_date", ALL_TIME_END, "timezone", "UTC");
    assertEquals(422, r.status(), () -> r.toString().substring(0, Math.min(500, r.toString().length())));
    assertEquals("Too many sale rows for one JSON answer", r.message());
    assertTrue(r.data().getString("include_sales_items").contains("format=csv"), r::toString);

    Api.Response totals = get("start_date", ALL_TIME_START, "end_date", ALL_TIME_END, "timezone", "UTC",
        "include_sales_items", "false");
    assertEquals(200, totals.status(), totals::toString);
    assertEquals(cents, cents(totals.data().getString("total_revenue")));
  }

  @Test
  void csvStreamsEveryRowWithoutALimit() {
    Api.Response r = get("start_date", ALL_TIME_START, "end_date", ALL_TIME_END, "timezone", "Asia/Kolkata",
        "format", "csv");
    assertEquals(200, r.status());
    assertEquals("text/csv; charset=utf-8", r.header("Content-Type"));
    List<List<String>> rows = parse(r.body());
    assertEquals(items + 1, rows.size());
    assertEquals("id", rows.get(0).get(0));
    long sum = 0;
    String previous = "";
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(12, row.size(), row::toString);
      sum += cents(row.get(8));
      assertTrue(row.get(3).endsWith("+05:30"), row::toString);
      assertTrue(row.get(3).compareTo(previous) >= 0, "rows in time order");
      previous = row.get(3);
    }
    assertEquals(cents, sum);
  }

  @Test
  void atMost10000Buckets() {
    LocalDate start = LocalDate.parse(ALL_TIME_START);
    Api.Response ok = get("start_date", start, "end_date", start.plusDays(9_999), "timezone", "UTC",
        "buckets", "daily", "include_sales_items", "false");
    assertEquals(200, ok.status(), ok::toString);
    JsonObject days = ok.data();
    assertEquals(10_000, days.size());
    long sum = 0;
    for (String key : days.fieldNames()) {
      sum += cents(days.getJsonObject(key).getString("total_revenue"));
    }
    assertEquals(new Sql(server.db()).number("SELECT SUM(quantity * price_cents) FROM sale_items WHERE created_at < ?",
        LocalDate.parse(ALL_TIME_START).plusDays(10_000).atStartOfDay(ZoneOffset.UTC)
            .toEpochSecond() * 1_000_000L), sum);

    Api.Response refused = get("start_date", start, "end_date", start.plusDays(10_000), "timezone", "UTC",
        "buckets", "daily", "include_sales_items", "false");
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("Too many buckets", refused.message());
    assertTrue(refused.data().getString("buckets").contains("10001 daily periods"), refused::toString);
    JsonObject weekly = get("start_date", "1900-01-01", "end_date", "2099-12-31", "timezone", "UTC",
        "buckets", "weekly").data();
    assertTrue(weekly.getString("buckets").contains("at most 10000"), weekly::encode);
  }

  /** RFC 4180, CRLF records, quoted fields with doubled quotes. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char ch = csv.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(ch);
      }
    }
    assertEquals(0, field.length() + row.size(), "the export ends with a complete record");
    return rows;
  }
}
