package app.ecommerce.sales;

import app.ecommerce.sales.SalesFixtures.Category;
import app.ecommerce.sales.SalesFixtures.Item;
import app.ecommerce.sales.SalesFixtures.Product;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static app.ecommerce.sales.SalesFixtures.all;
import static app.ecommerce.sales.SalesFixtures.block;
import static app.ecommerce.sales.SalesFixtures.bucket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * get_sales_data against hand-placed sales whose answers are worked out by hand: every bucket
 * kind, range ends to the microsecond, DST days of 23 and 25 hours, a +05:30 zone, and the
 * caller's zone as default (the admin here lives in Asia/Kolkata). Each scenario has its own
 * products and filters on them, so scenarios never see each other's sales.
 */
abstract class SalesDataTest extends EngineTest {
  static final ZoneId UTC = ZoneOffset.UTC;
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  SalesFixtures fx;
  long buyer;
  // calendar scenario (UTC)
  Category tools;
  Category luxury;
  Product hammer;
  Product nail;
  Product watch;
  List<Item> s1;
  List<Item> s2;
  List<Item> s3;
  List<Item> s4;
  // DST scenario (America/New_York)
  Product lamp;
  List<Item> d1;
  List<Item> d2;
  List<Item> d3;
  List<Item> d4;
  List<Item> f1;
  List<Item> f2;
  List<Item> f3;
  List<Item> f4;
  List<Item> f5;
  // +05:30 scenario
  Product tea;
  List<Item> k1;
  List<Item> k2;
  List<Item> k3;

  @Override
  protected Map<String, String> settings() {
    return Map.of("ADMIN_TIMEZONE", "Asia/Kolkata");
  }

  @BeforeAll
  void placeSales() {
    fx = new SalesFixtures(server);
    buyer = server.newCustomer("UTC").id();
    tools = fx.category("Tools");
    luxury = fx.category("Luxury & Co");
    hammer = fx.product(tools, "Hammer", "10.00");
    nail = fx.product(tools, "Nail", "0.10");
    watch = fx.product(luxury, "Watch, \"Gold\"", "1499.99");
    fx.sale(buyer, "2022-12-31T23:59:59.999999Z", hammer, 5); // one microsecond too early
    s1 = fx.sale(buyer, "2023-01-01T00:00:00Z", hammer, 2, watch, 1);
    s2 = fx.sale(buyer, "2023-01-31T23:59:59.999999Z", nail, 3);
    s3 = fx.sale(buyer, "2023-02-01T00:00:00Z", hammer, 1);
    s4 = fx.sale(buyer, "2023-12-31T23:59:59.999999Z", watch, 2);
    fx.sale(buyer, "2024-01-01T00:00:00Z", nail, 1); // one microsecond too late

    lamp = fx.product(fx.category("Lighting"), "Lamp", "3.33");
    d1 = fx.sale(buyer, "2024-03-10T04:59:59.999999Z", lamp, 1); // 03-09 23:59:59.999999 EST
    d2 = fx.sale(buyer, "2024-03-10T05:00:00Z", lamp, 2);        // 03-10 00:00 EST
    d3 = fx.sale(buyer, "2024-03-11T03:59:59.999999Z", lamp, 3); // 03-10 23:59:59.999999 EDT
    d4 = fx.sale(buyer, "2024-03-11T04:00:00Z", lamp, 4);        // 03-11 00:00 EDT
    f1 = fx.sale(buyer, "2024-11-03T04:00:00Z", lamp, 5);        // 11-03 00:00 EDT
    f2 = fx.sale(buyer, "2024-11-03T05:30:00Z", lamp, 6);        // 01:30 EDT, the first time
    f3 = fx.sale(buyer, "2024-11-03T06:30:00Z", lamp, 7);        // 01:30 EST, the second time
    f4 = fx.sale(buyer, "2024-11-04T04:59:59.999999Z", lamp, 8); // 11-03 23:59:59.999999 EST
    f5 = fx.sale(buyer, "2024-11-04T05:00:00Z", lamp, 9);        // 11-04 00:00 EST

    tea = fx.product(fx.category("Tea"), "Assam", "2.50");
    k3 = fx.sale(buyer, "2023-12-31T18:30:00Z", tea, 1);         // 2024-01-01 00:00 IST
    k1 = fx.sale(buyer, "2024-01-31T18:29:59.999999Z", tea, 2);  // 01-31 23:59:59.999999 IST
    k2 = fx.sale(buyer, "2024-01-31T18:30:00Z", tea, 4);         // 02-01 00:00 IST
  }

  Api.Call query(Object... nameValue) {
    Api.Call call = api.get("get_sales_data").token(admin());
    for (int i = 0; i < nameValue.length; i += 2) {
      call.query((String) nameValue[i], nameValue[i + 1]);
    }
    return call;
  }

  JsonObject data(Object... nameValue) {
    Api.Response r = query(nameValue).send();
    assertEquals(200, r.status(), r::toString);
    assertEquals("Sales and Revenue data retrieved successfully", r.message());
    return r.data();
  }

  String calendarProducts() {
    return "[" + hammer.id() + "," + nail.id() + "," + watch.id() + "]";
  }

  @Test
  void oneBlockWithoutBuckets() {
    JsonObject data = data("start_date", "2023-01-01", "end_date", "2023-12-31", "timezone", "UTC",
        "product_ids", calendarProducts(), "include_sales_items", "false");
    JsonObject expected = block(all(s1, s2, s3, s4), false, UTC);
    assertEquals(expected.encode(), data.encode());
    assertEquals("4530.27", data.getString("total_revenue"));
    assertEquals("4499.97", data.getJsonObject("revenue_by_categories").getString(luxury.key()));
  }

  @Test
  void rowsAreListedInTimeOrderWithTheirFields() {
    JsonObject data = data("start_date", "2023-01-01T00:00:00", "end_date", "2023-12-31T23:59:59.999999",
        "timezone", "UTC", "category_ids", "[" + tools.id() + "," + luxury.id() + "]");
    assertEquals(block(all(s1, s2, s3, s4), true, UTC).encode(), data.encode());
    JsonObject first = data.getJsonArray("sales").getJsonObject(0);
    assertEquals("2023-01-01T00:00:00+00:00", first.getString("created_at"));
    assertEquals("20.00", first.getString("revenue"));
  }

  @Test
  void monthlyBucketsIncludeEmptyMonths() {
    JsonObject data = data("start_date", "2023-01-01", "end_date", "2023-12-31", "timezone", "UTC",
        "product_ids", calendarProducts(), "include_sales_items", "false", "buckets", "monthly");
    JsonObject expected = new JsonObject();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(2023, m);
      String start = month.atDay(1) + "T00:00:00";
      String end = month.atEndOfMonth() + "T23:59:59.999999";
      List<Item> items = m == 1 ? all(s1, s2) : m == 2 ? s3 : m == 12 ? s4 : List.of();
      expected.put(start + "," + end, bucket(items, false, UTC, start + "+00:00", end + "+00:00"));
    }
    assertEquals(expected.encode(), data.encode());
    assertEquals("2023-01-01T00:00:00,2023-01-31T23:59:59.999999", data.fieldNames().iterator().next());
  }

  @Test
  void yearlyBucketWithRows() {
    JsonObject data = data("start_date", "2023-01-01", "end_date", "2023-12-31", "timezone", "UTC",
        "product_ids", calendarProducts(), "buckets", "yearly");
    JsonObject expected = new JsonObject().put("2023-01-01T00:00:00,2023-12-31T23:59:59.999999",
        bucket(all(s1, s2, s3, s4), true, UTC, "2023-01-01T00:00:00+00:00", "2023-12-31T23:59:59.999999+00:00"));
    assertEquals(expected.encode(), data.encode());
  }

  @Test
  void weeklyBucketsRunMondayToSundayAndCountOnlyRowsInRange() {
    JsonObject data = data("start_date", "2023-01-01", "end_date", "2023-12-31", "timezone", "UTC",
        "product_ids", calendarProducts(), "include_sales_items", "false", "buckets", "weekly");
    JsonObject expected = new JsonObject();
    LocalDate monday = LocalDate.of(2022, 12, 26);
    for (int w = 0; w < 53; w++) {
      LocalDate from = monday.plusWeeks(w);
      String start = from + "T00:00:00";
      String end = from.plusDays(6) + "T23:59:59.999999";
      // 2022-12-31 lies in the first week but before start_date: not counted
      List<Item> items = w == 0 ? s1 : w == 5 ? all(s2, s3) : w == 52 ? s4 : List.of();
      expected.put(start + "," + end, bucket(items, false, UTC, start + "+00:00", end + "+00:00"));
    }
    assertEquals(expected.encode(), data.encode());
  }

  @Test
  void dailyBucketsCoverEveryDay() {
    JsonObject data = data("start_date", "2023-01-01", "end_date", "2023-12-31", "timezone", "UTC",
        "product_ids", calendarProducts(), "include_sales_items", "false", "buckets", "daily");
    assertEquals(365, data.size());
    assertEquals(bucket(s1, false, UTC, "2023-01-01T00:00:00+00:00", "2023-01-01T23:59:59.999999+00:00").encode(),
        data.getJsonObject("2023-01-01T00:00:00,2023-01-01T23:59:59.999999").encode());
    assertEquals(bucket(s2, false, UTC, "2023-01-31T00:00:00+00:00", "2023-01-31T23:59:59.999999+00:00").encode(),
        data.getJsonObject("2023-01-31T00:00:00,2023-01-31T23:59:59.999999").encode());
    assertEquals(bucket(List.of(), false, UTC, "2023-06-15T00:00:00+00:00", "2023-06-15T23:59:59.999999+00:00")
        .encode(), data.getJsonObject("2023-06-15T00:00:00,2023-06-15T23:59:59.999999").encode());
    long cents = 0;
    for (String key : data.fieldNames()) {
      cents += new BigDecimal(data.getJsonObject(key).getString("total_revenue")).movePointRight(2)
          .longValueExact();
    }
    assertEquals(453_027, cents); // the buckets add up to the unbucketed total, to the cent
  }

  @Test
  void newYorkDaysOf23And25Hours() {
    JsonObject spring = data("start_date", "2024-03-09", "end_date", "2024-03-11", "timezone", "America/New_York",
        "product_ids", "[" + lamp.id() + "]", "buckets", "daily");
    JsonObject expected = new JsonObject()
        .put("2024-03-09T00:00:00,2024-03-09T23:59:59.999999",
            bucket(d1, true, NEW_YORK, "2024-03-09T00:00:00-05:00", "2024-03-09T23:59:59.999999-05:00"))
        .put("2024-03-10T00:00:00,2024-03-10T23:59:59.999999",
            bucket(all(d2, d3), true, NEW_YORK, "2024-03-10T00:00:00-05:00", "2024-03-10T23:59:59.999999-04:00"))
        .put("2024-03-11T00:00:00,2024-03-11T23:59:59.999999",
            bucket(d4, true, NEW_YORK, "2024-03-11T00:00:00-04:00", "2024-03-11T23:59:59.999999-04:00"));
    assertEquals(expected.encode(), spring.encode());

    JsonObject fall = data("start_date", "2024-11-03", "end_date", "2024-11-04", "timezone", "America/New_York",
        "product_ids", "[" + lamp.id() + "]", "buckets", "daily");
    JsonObject expectedFall = new JsonObject()
        .put("2024-11-03T00:00:00,2024-11-03T23:59:59.999999",
            bucket(all(f1, f2, f3, f4), true, NEW_YORK, "2024-11-03T00:00:00-04:00", "2024-11-03T23:59:59.999999-05:00"))
        .put("2024-11-04T00:00:00,2024-11-04T23:59:59.999999",
            bucket(f5, true, NEW_YORK, "2024-11-04T00:00:00-05:00", "2024-11-04T23:59:59.999999-05:00"));
    assertEquals(expectedFall.encode(), fall.encode());
    JsonObject day = fall.getJsonObject("2024-11-03T00:00:00,2024-11-03T23:59:59.999999");
    assertEquals("2024-11-03T01:30:00-04:00", day.getJsonArray("sales").getJsonObject(1).getString("created_at"));
    assertEquals("2024-11-03T01:30:00-05:00", day.getJsonArray("sales").getJsonObject(2).getString("created_at"));
  }

  @Test
  void newYorkMonthsAcrossBothTransitions() {
    JsonObject data = data("start_date", "2024-03-01", "end_date", "2024-11-30", "timezone", "America/New_York",
        "product_ids", "[" + lamp.id() + "]", "buckets", "monthly", "include_sales_items", "false");
    assertEquals(9, data.size());
    assertEquals(bucket(all(d1, d2, d3, d4), false, NEW_YORK, "2024-03-01T00:00:00-05:00",
            "2024-03-31T23:59:59.999999-04:00").encode(),
        data.getJsonObject("2024-03-01T00:00:00,2024-03-31T23:59:59.999999").encode());
    assertEquals(bucket(all(f1, f2, f3, f4, f5), false, NEW_YORK, "2024-11-01T00:00:00-04:00",
            "2024-11-30T23:59:59.999999-05:00").encode(),
        data.getJsonObject("2024-11-01T00:00:00,2024-11-30T23:59:59.999999").encode());
    assertEquals("0.00", data.getJsonObject("2024-07-01T00:00:00,2024-07-31T23:59:59.999999").getString("total_revenue"));
  }

  @Test
  void longRangesInADstZoneGiveTheSameFigures() {
    // long enough that the period expression is built for the span of the data only
    JsonObject months = data("start_date", "1990-01-01", "end_date", "2049-12-31", "timezone", "America/New_York",
        "product_ids", "[" + lamp.id() + "]", "buckets", "monthly", "include_sales_items", "false");
    assertEquals(720, months.size());
    assertEquals(bucket(all(d1, d2, d3, d4), false, NEW_YORK, "2024-03-01T00:00:00-05:00",
            "2024-03-31T23:59:59.999999-04:00").encode(),
        months.getJsonObject("2024-03-01T00:00:00,2024-03-31T23:59:59.999999").encode());
    JsonObject weeks = data("start_date", "1950-01-01", "end_date", "2099-12-31", "timezone", "America/New_York",
        "product_ids", "[" + lamp.id() + "]", "buckets", "weekly", "include_sales_items", "false");
    assertEquals(bucket(all(d1, d2, d3), false, NEW_YORK, "2024-03-04T00:00:00-05:00",
            "2024-03-10T23:59:59.999999-04:00").encode(),
        weeks.getJsonObject("2024-03-04T00:00:00,2024-03-10T23:59:59.999999").encode());
    assertEquals(bucket(d4, false, NEW_YORK, "2024-03-11T00:00:00-04:00", "2024-03-17T23:59:59.999999-04:00").encode(),
        weeks.getJsonObject("2024-03-11T00:00:00,2024-03-17T23:59:59.999999").encode());
    assertEquals(bucket(all(f1, f2, f3, f4), false, NEW_YORK, "2024-10-28T00:00:00-04:00",
            "2024-11-03T23:59:59.999999-05:00").encode(),
        weeks.getJsonObject("2024-10-28T00:00:00,2024-11-03T23:59:59.999999").encode());
    assertEquals(bucket(f5, false, NEW_YORK, "2024-11-04T00:00:00-05:00", "2024-11-10T23:59:59.999999-05:00").encode(),
        weeks.getJsonObject("2024-11-04T00:00:00,2024-11-10T23:59:59.999999").encode());
  }

  @Test
  void naiveDatesAreReadInTheZoneAndAwareOnesAsGiven() {
    JsonObject naive = data("start_date", "2024-03-10T00:00:00", "end_date", "2024-03-10T23:59:59.999999",
        "timezone", "America/New_York", "product_ids", "[" + lamp.id() + "]");
    assertEquals(block(all(d2, d3), true, NEW_YORK).encode(), naive.encode());
    JsonObject dateOnly = data("start_date", "2024-03-10", "end_date", "2024-03-10",
        "timezone", "America/New_York", "product_ids", "[" + lamp.id() + "]");
    assertEquals(naive.encode(), dateOnly.encode());
    JsonObject aware = data("start_date", "2024-03-10T05:00:00Z", "end_date", "2024-03-11T03:59:59.999999+00:00",
        "timezone", "UTC", "product_ids", "[" + lamp.id() + "]", "include_sales_items", "false");
    assertEquals(block(all(d2, d3), false, UTC).encode(), aware.encode());
  }

  @Test
  void kolkataIsTheCallersZoneByDefault() {
    JsonObject data = data("start_date", "2024-01-01", "end_date", "2024-02-29",
        "product_ids", "[" + tea.id() + "]", "buckets", "monthly");
    JsonObject expected = new JsonObject()
        .put("2024-01-01T00:00:00,2024-01-31T23:59:59.999999",
            bucket(all(k3, k1), true, KOLKATA, "2024-01-01T00:00:00+05:30", "2024-01-31T23:59:59.999999+05:30"))
        .put("2024-02-01T00:00:00,2024-02-29T23:59:59.999999",
            bucket(k2, true, KOLKATA, "2024-02-01T00:00:00+05:30", "2024-02-29T23:59:59.999999+05:30"));
    assertEquals(expected.encode(), data.encode());
    assertEquals("2024-01-01T00:00:00+05:30",
        data.getJsonObject("2024-01-01T00:00:00,2024-01-31T23:59:59.999999").getJsonArray("sales")
            .getJsonObject(0).getString("created_at"));

    JsonObject utc = data("start_date", "2024-01-01", "end_date", "2024-12-31", "timezone", "UTC",
        "product_ids", "[" + tea.id() + "]", "buckets", "yearly", "include_sales_items", "false");
    assertEquals(bucket(all(k1, k2), false, UTC, "2024-01-01T00:00:00+00:00", "2024-12-31T23:59:59.999999+00:00")
        .encode(), utc.getJsonObject("2024-01-01T00:00:00,2024-12-31T23:59:59.999999").encode());
  }

  @Test
  void emptyRangeGivesZeroes() {
    JsonObject data = data("start_date", "1999-01-01", "end_date", "1999-01-02", "timezone", "UTC",
        "product_ids", calendarProducts());
    assertEquals(block(List.of(), true, UTC).encode(), data.encode());
    assertEquals("0.00", data.getString("total_revenue"));
  }

  @Test
  void inputMayComeAsAJsonBodyAndAsRepeatedOrCommaLists() {
    JsonObject body = data("timezone", "UTC", "product_ids", hammer.id() + "," + nail.id() + "," + watch.id(),
        "start_date", "2023-01-01 00:00:00", "end_date", "2023-12-31", "include_sales_items", "0");
    Api.Response json = api.get("get_sales_data").token(admin()).json(new JsonObject()
        .put("start_date", "2023-01-01T00:00:00").put("end_date", "2023-12-31").put("timezone", "UTC")
        .put("product_ids", new JsonArray().add(hammer.id()).add(nail.id()).add(watch.id()))
        .put("include_sales_items", false)).send();
    assertEquals(200, json.status(), json::toString);
    assertEquals(body.encode(), json.data().encode());
  }

  @Test
  void csvHasAHeaderAndQuotesNamesWithCommasAndQuotes() {
    Api.Response r = query("start_date", "2023-01-01", "end_date", "2023-12-31", "timezone", "UTC",
        "product_ids", "[" + watch.id() + "]", "format", "csv").send();
    assertEquals(200, r.status(), r::toString);
    assertEquals("text/csv; charset=utf-8", r.header("Content-Type"));
    Item a = s1.get(1);
    Item b = s4.get(0);
    String expected = "id,sale_item_id,user_id,created_at,product_id,product_name,price_per_unit,quantity,revenue,"
        + "category_id,category_name,category_slug\r\n"
        + a.saleId() + "," + a.itemId() + "," + buyer + ",2023-01-01T00:00:00+00:00," + watch.id()
        + ",\"Watch, \"\"Gold\"\"\",1499.99,1,1499.99," + luxury.id() + ",Luxury & Co," + luxury.slug() + "\r\n"
        + b.saleId() + "," + b.itemId() + "," + buyer + ",2023-12-31T23:59:59.999999+00:00," + watch.id()
        + ",\"Watch, \"\"Gold\"\"\",1499.99,2,2999.98," + luxury.id() + ",Luxury & Co," + luxury.slug() + "\r\n";
    assertEquals(expected, r.body());
  }

  /**
   * A rows-included answer of several parts (SalesService reads and sends 5,000 rows at a time):
   * the same rows as the CSV, in the same order, each in the week it belongs to, and each week's
   * sums those of its rows, whether a week's rows end inside a part or across two.
   */
  @Test
  void jsonRowsSentInPartsAreTheCsvRowsInTheirWeeks() throws Exception {
    Product bolt = fx.product(fx.category("Bolts"), "Bolt", "0.25");
    int items = 12_345;
    long first = java.time.Instant.parse("2021-03-01T00:00:00Z").getEpochSecond() * 1_000_000L;
    try (var c = server.db().jdbc()) {
      c.setAutoCommit(false);
      try (var sale = c.prepareStatement("INSERT INTO sales (user_id, total_cents, created_at) VALUES (?, 0, ?)",
               java.sql.Statement.RETURN_GENERATED_KEYS);
           var item = c.prepareStatement("INSERT INTO sale_items (sale_id, product_id, quantity, price_cents,"
               + " created_at) VALUES (?, ?, ?, 25, ?)")) {
        long saleId = 0;
        for (int i = 0; i < items; i++) {
          long at = first + i * 97_000_000L;  // 13.9 days in all: three weeks
          if (i % 3 == 0) {
            sale.setLong(1, buyer);
            sale.setLong(2, at);
            sale.executeUpdate();
            try (var keys = sale.getGeneratedKeys()) {
              keys.next();
              saleId = keys.getLong(1);
            }
          }
          item.setLong(1, saleId);
          item.setLong(2, bolt.id());
          item.setLong(3, 1 + i % 4);
          item.setLong(4, at);
          item.addBatch();
        }
        item.executeBatch();
      }
      c.commit();
    }
    Object[] range = {"start_date", "2021-03-01", "end_date", "2021-03-31", "timezone", "UTC",
        "product_ids", "[" + bolt.id() + "]"};
    Api.Response csv = query(range).query("format", "csv").send();
    assertEquals(200, csv.status(), csv::toString);
    List<String> csvItems = new ArrayList<>();
    for (String line : csv.body().split("\r\n")) {
      if (!line.startsWith("id,")) {
        csvItems.add(line.split(",")[1]);
      }
    }
    assertEquals(items, csvItems.size());
    JsonObject weeks = data(java.util.stream.Stream.concat(java.util.Arrays.stream(range),
        java.util.stream.Stream.of("buckets", "weekly")).toArray());
    List<String> jsonItems = new ArrayList<>();
    for (String key : weeks.fieldNames()) {
      JsonObject week = weeks.getJsonObject(key);
      long units = 0;
      for (Object row : week.getJsonArray("sales")) {
        JsonObject r = (JsonObject) row;
        jsonItems.add(String.valueOf(r.getLong("sale_item_id")));
        assertTrue(r.getString("created_at").compareTo(week.getString("start")) >= 0, key);
        units += r.getLong("quantity");
      }
      long expected = week.getJsonObject("quantity_by_products").stream()
          .mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
      assertEquals(expected, units, key);
    }
    assertEquals(csvItems, jsonItems);
  }

  /** OWASP's advice against CSV injection: a text cell that starts like a formula is prefixed with '. */
  @Test
  void csvTextCellsThatStartLikeAFormulaArePrefixedWithAQuote() {
    Category category = fx.category("=HYPERLINK(\"http://x\")");
    List<String> names = List.of("=1+1 cmd", "+SUM(A1)", "-2+3 x", "@SUM(A1)", "\tTabbed", "\rReturned", "Plain = fine");
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Product p = fx.product(category, "Formula " + i, "1.00");
      // names an administrator could give through any client; written directly, whatever the validator allows
      new app.ecommerce.support.Sql(server.db()).update("UPDATE products SET product_name = ? WHERE id = ?", names.get(i),
          p.id());
      products.add(p);
      fx.sale(buyer, "2019-05-05T10:00:0" + i + "Z", p, 1);
    }
    Api.Response r = query("start_date", "2019-05-05", "end_date", "2019-05-05", "timezone", "UTC",
        "category_ids", "[" + category.id() + "]", "format", "csv").send();
    assertEquals(200, r.status(), r::toString);
    String[] lines = r.body().split("\r\n", -1);
    List<String> expectedNames = List.of("'=1+1 cmd", "'+SUM(A1)", "'-2+3 x", "'@SUM(A1)", "'\tTabbed",
        "\"'\rReturned\"", "Plain = fine");
    for (int i = 0; i < names.size(); i++) {
      String line = lines[i + 1];
      String name = expectedNames.get(i);
      assertTrue(line.contains("," + products.get(i).id() + "," + name + ",1.00,1,1.00,"), () -> name + " in " + line);
      assertTrue(line.endsWith(",\"'=HYPERLINK(\"\"http://x\"\")\"," + category.slug()), line);
    }
  }

  /** The JSON rows are written by hand, not by Jackson: every text must still read back exactly. */
  @Test
  void jsonRowsCarryAnyTextExactly() {
    Category category = fx.category("Texts");
    new app.ecommerce.support.Sql(server.db()).update("UPDATE categories SET category_name = ? WHERE id = ?",
        "Quote \" back\\slash / ünïcødé 😀", category.id());
    List<String> names = List.of("\"quoted\" and \\", "line\nbreak\ttab\rreturn", "nul\u0000 bell\u0007 del\u007f",
        "\u2028separator\u2029", "Ωmega – “typographic” €");
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Product p = fx.product(category, "Text " + i, "1.00");
      new app.ecommerce.support.Sql(server.db()).update("UPDATE products SET product_name = ? WHERE id = ?", names.get(i),
          p.id());
      products.add(p);
      fx.sale(buyer, "2019-06-06T10:00:0" + i + "Z", p, 1);
    }
    Api.Response r = query("start_date", "2019-06-06", "end_date", "2019-06-06", "timezone", "UTC",
        "category_ids", "[" + category.id() + "]").send();
    assertEquals(200, r.status(), r::toString);
    JsonArray sales = r.data().getJsonArray("sales");
    assertEquals(names.size(), sales.size(), sales::encode);
    for (int i = 0; i < names.size(); i++) {
      JsonObject row = sales.getJsonObject(i);
      assertEquals(names.get(i), row.getString("product_name"));
      assertEquals("Quote \" back\\slash / ünïcødé 😀", row.getString("category_name"));
      assertEquals(products.get(i).id(), row.getLong("product_id"));
      assertEquals(List.of("id", "sale_item_id", "user_id", "created_at", "product_id", "product_name", "price_per_unit",
          "quantity", "revenue", "category_id", "category_name", "category_slug"), List.copyOf(row.fieldNames()));
      assertEquals("1.00", row.getString("price_per_unit"));
      assertEquals(1L, row.getLong("quantity"));
      assertEquals("2019-06-06T10:00:0" + i + "+00:00", row.getString("created_at"));
    }
  }

  /**
   * The rows-included answer is written as bytes by hand: byte for byte it must be what Vert.x's
   * encoder writes for the same content (the answer parsed and encoded again gives the same bytes,
   * so no escape, digit or space differs), and every row must be, byte for byte, the JsonObject of
   * that row read from the tables and encoded as UTF-8: texts with escapes, control characters,
   * non-ASCII and lone surrogates, amounts from 0.01 to past 2^63 cents, instants with and without
   * microseconds, in zones of odd offsets and across a DST change, with buckets and without.
   */
  @Test
  void jsonRowsAreByteForByteWhatVertxEncodes() throws Exception {
    Category category = fx.category("Bytes");
    Sql sql = new Sql(server.db());
    sql.update("UPDATE categories SET category_name = ? WHERE id = ?",
        "Quote \" back\\slash / ünïcødé 😀 \u2028 nul\u0000 lone \ud83d", category.id());
    List<String> names = List.of("Plain name", "\"quoted\" and \\", "line\nbreak\ttab\rreturn\b\f",
        "bell\u0007 unit\u001f del\u007f", "Ωmega – “typographic” € 日本", "emoji 😀 𝄞", "lone \ude00 low");
    List<String> prices = List.of("0.01", "0.10", "0.99", "1.01", "12.34", "99999999.99", "1.00");
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Product p = fx.product(category, "Bytes " + i, prices.get(i));
      sql.update("UPDATE products SET product_name = ? WHERE id = ?", names.get(i), p.id());
      products.add(p);
    }
    String[] instants = {"2018-11-03T12:00:00Z", "2018-11-03T23:59:59.999999Z", "2018-11-04T05:30:00.000001Z",
        "2018-11-04T06:30:00Z", "2018-11-04T06:30:00Z", "2018-11-04T18:14:59.5Z", "2018-11-05T11:59:59.000010Z"};
    for (int i = 0; i < instants.length; i++) {
      fx.sale(buyer, instants[i], products.get(i), 1 + i * 7, products.get((i + 3) % products.size()), 1);
    }
    // amounts an administrator could never type but the tables hold: a line past 2^63 cents
    long at = Times.toMicros(Instant.parse("2018-11-04T06:30:00Z"));
    sql.update("INSERT INTO sales (user_id, total_cents, created_at) VALUES (?, ?, ?)", buyer, 0L, at);
    long sale = sql.number("SELECT MAX(id) FROM sales WHERE created_at = ?", at);
    sql.update("INSERT INTO sale_items (sale_id, product_id, quantity, price_cents, created_at) VALUES (?, ?, ?, ?, ?)",
        sale, products.get(5).id(), 3L, Long.MAX_VALUE, at);
    sql.update("INSERT INTO sale_items (sale_id, product_id, quantity, price_cents, created_at) VALUES (?, ?, ?, ?, ?)",
        sale, products.get(0).id(), 1_000_000_000_000L, 1L, at);

    List<String> expectedRows = new ArrayList<>();
    for (String zoneId : List.of("UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "Asia/Kolkata")) {
      ZoneId zone = ZoneId.of(zoneId);
      expectedRows.clear();
      for (Map<String, Object> row : sql.rows("SELECT si.id, si.sale_id, s.user_id, si.created_at, si.product_id,"
          + " p.product_name, si.price_cents, si.quantity, p.category_id, c.category_name, c.category_slug"
          + " FROM sale_items si JOIN sales s ON s.id = si.sale_id JOIN products p ON p.id = si.product_id"
          + " JOIN categories c ON c.id = p.category_id WHERE p.category_id = ?"
          + " ORDER BY si.created_at, si.sale_id, si.id", category.id())) {
        long cents = ((Number) row.get("price_cents")).longValue();
        long quantity = ((Number) row.get("quantity")).longValue();
        expectedRows.add(new JsonObject()
            .put("id", ((Number) row.get("sale_id")).longValue())
            .put("sale_item_id", ((Number) row.get("id")).longValue())
            .put("user_id", ((Number) row.get("user_id")).longValue())
            .put("created_at", Times.iso(((Number) row.get("created_at")).longValue(), zone))
            .put("product_id", ((Number) row.get("product_id")).longValue())
            .put("product_name", (String) row.get("product_name"))
            .put("price_per_unit", new BigDecimal(BigInteger.valueOf(cents), 2).toPlainString())
            .put("quantity", quantity)
            .put("revenue", new BigDecimal(BigInteger.valueOf(cents).multiply(BigInteger.valueOf(quantity)), 2).toPlainString())
            .put("category_id", ((Number) row.get("category_id")).longValue())
            .put("category_name", (String) row.get("category_name"))
            .put("category_slug", (String) row.get("category_slug"))
            .encode());
      }
      assertEquals(instants.length * 2 + 2, expectedRows.size());
      for (String buckets : new String[] {null, "daily"}) {
        String query = "start_date=2018-11-01&end_date=2018-11-07&category_ids=" + category.id() + "&timezone="
            + zoneId + (buckets == null ? "" : "&buckets=" + buckets);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
                + "/ecommerce/v1/get_sales_data?" + query.replace("/", "%2F")))
            .header("Authorization", "Bearer " + admin()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = r.body();
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals(200, r.statusCode(), text);
        JsonObject answer = new JsonObject(text);
        assertArrayEquals(answer.encode().getBytes(StandardCharsets.UTF_8), body, () -> zone + " " + buckets + ": " + text);
        List<JsonObject> blocks = new ArrayList<>();
        if (buckets == null) {
          blocks.add(answer.getJsonObject("data"));
        } else {
          answer.getJsonObject("data").forEach(e -> blocks.add((JsonObject) e.getValue()));
        }
        List<String> rows = new ArrayList<>();
        blocks.forEach(block -> block.getJsonArray("sales").forEach(row -> rows.add(((JsonObject) row).encode())));
        assertEquals(expectedRows, rows, () -> zone + " " + buckets);
        if (buckets == null) {
          assertTrue(text.contains("{\"sales\":[" + String.join(",", expectedRows) + "],\"total_revenue\":"),
              () -> zone + ": " + text);
        }
      }
    }
  }

  @Test
  void customersAreRefusedAndAnonymousCallersMustSignIn() {
    Api.Response customer = api.get("get_sales_data").token(server.newCustomerToken())
        .query("start_date", "2023-01-01").query("end_date", "2023-01-02").send();
    assertEquals(403, customer.status(), customer::toString);
    assertEquals(401, api.get("get_sales_data").query("start_date", "2023-01-01").query("end_date", "2023-01-02")
        .send().status());
  }

  @Test
  void everyFieldIsValidated() {
    assertInvalid("start_date", "Field required", "end_date", "2023-01-01");
    assertInvalid("end_date", "Field required", "start_date", "2023-01-01");
    String badDate = "Input should be a valid datetime or date, e.g. 2023-01-31 or 2023-01-31T17:00:00+05:00";
    assertInvalid("start_date", badDate, "start_date", "2023-13-01", "end_date", "2023-01-01");
    assertInvalid("end_date", badDate, "start_date", "2023-01-01", "end_date", "yesterday");
    assertInvalid("end_date", "Value error, end_date must not be before start_date",
        "start_date", "2023-01-02", "end_date", "2023-01-01", "timezone", "UTC");
    // the caller's zone (Asia/Kolkata) reads the naive end: 05:00 IST is 23:30 UTC the day before
    assertInvalid("end_date", "Value error, end_date must not be before start_date",
        "start_date", "2023-01-01T00:00:00Z", "end_date", "2023-01-01T05:00:00");
    assertEquals(200, query("start_date", "2023-01-01T00:00:00Z", "end_date", "2023-01-01T05:00:00",
        "timezone", "UTC").send().status());
    assertInvalid("start_date", "Value error, dates must lie between the years 0001 and 9998",
        "start_date", "0000-06-01", "end_date", "2023-01-01");
    assertInvalid("timezone", "Value error, timezone must be valid",
        "start_date", "2023-01-01", "end_date", "2023-01-02", "timezone", "Mars/Olympus");
    assertInvalid("include_sales_items", "Input should be a valid boolean",
        "start_date", "2023-01-01", "end_date", "2023-01-02", "include_sales_items", "maybe");
    String buckets = "Input should be 'daily', 'weekly', 'monthly' or 'yearly'";
    assertInvalid("buckets", buckets, "start_date", "2023-01-01", "end_date", "2023-01-02", "buckets", "hourly");
    assertInvalid("buckets", buckets, "start_date", "2023-01-01", "end_date", "2023-01-02", "buckets", "");
    assertInvalid("product_ids.0", "Input should be a valid integer, unable to parse string as an integer",
        "start_date", "2023-01-01", "end_date", "2023-01-02", "product_ids", "abc");
    assertInvalid("category_ids.1", "Input should be greater than or equal to 1",
        "start_date", "2023-01-01", "end_date", "2023-01-02", "category_ids", "[1,0]");
    assertInvalid("category_ids", "Value error, product_ids or category_ids but not both",
        "start_date", "2023-01-01", "end_date", "2023-01-02", "product_ids", "[1]", "category_ids", "[2]");
    assertInvalid("format", "Input should be 'json' or 'csv'",
        "start_date", "2023-01-01", "end_date", "2023-01-02", "format", "xml");
    // an empty list is no filter at all, and unknown ids simply match nothing
    assertEquals(200, query("start_date", "2023-01-01", "end_date", "2023-01-02", "product_ids", "[]",
        "category_ids", "[1]").send().status());
    assertEquals("0.00", data("start_date", "2023-01-01", "end_date", "2023-12-31", "timezone", "UTC",
        "product_ids", "[999999999]").getString("total_revenue"));
  }

  private void assertInvalid(String path, String message, Object... nameValue) {
    Api.Response r = query(nameValue).send();
    assertEquals(422, r.status(), r::toString);
    assertEquals(message, r.data().getString(path), r::toString);
  }
}
