package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** get_purchases and get_purchase (API.md §5). */
abstract class PurchaseHistoryTest extends EngineTest {

  private long buy(String token, long product, int quantity) {
    return Expect.ok(api.post("purchase_products").token(token).json(new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("product_id", product).put("quantity", quantity)))).send()).getLong("id");
  }

  private static List<Long> ids(JsonObject data) {
    List<Long> ids = new ArrayList<>();
    data.getJsonArray("purchases").forEach(p -> ids.add(((JsonObject) p).getLong("id")));
    return ids;
  }

  /** A sale placed at a chosen instant, directly in the database. */
  private long saleAt(Sql sql, long userId, long product, String instant) {
    long micros = Instant.parse(instant).toEpochMilli() * 1000;
    long id = sql.number("SELECT COALESCE(MAX(id), 0) + 1000 FROM sales");
    sql.update("INSERT INTO sales (id, user_id, total_cents, created_at) VALUES (?, ?, 500, ?)", id, userId, micros);
    sql.update("INSERT INTO sale_items (sale_id, product_id, quantity, price_cents, created_at) VALUES (?, ?, 1, 500, ?)",
        id, product, micros);
    return id;
  }

  @Test
  void customersSeeTheirOwnPurchasesAndAnotherCustomersIsNotFound() {
    long product = CatalogFixtures.product(api, admin(), "Notebook", "2.50");
    CatalogFixtures.stock(api, admin(), product, 100);
    TestServer.Customer alice = server.newCustomer("UTC");
    TestServer.Customer bob = server.newCustomer("Asia/Karachi");
    long a1 = buy(alice.token(), product, 1);
    long a2 = buy(alice.token(), product, 2);
    long b1 = buy(bob.token(), product, 3);

    JsonObject mine = Expect.ok(api.get("get_purchases").token(alice.token()).send(), "Purchases retrieved successfully");
    Expect.keys(mine, "purchases", "page", "per_page", "total", "has_more", "next_cursor", "total_capped");
    assertEquals(List.of(a2, a1), ids(mine));
    assertEquals(2L, mine.getLong("total"));
    assertFalse(mine.getBoolean("has_more"));
    assertNull(mine.getValue("next_cursor"));
    JsonObject latest = mine.getJsonArray("purchases").getJsonObject(0);
    Expect.keys(latest, "id", "user_id", "total_amount", "created_at", "items");
    assertEquals("5.00", latest.getString("total_amount"));
    JsonObject line = latest.getJsonArray("items").getJsonObject(0);
    Expect.keys(line, "id", "product_id", "product_name", "quantity", "price_per_unit");
    assertEquals("Notebook", line.getString("product_name"));
    assertEquals("2.50", line.getString("price_per_unit"));
    // a customer's user_id filter cannot reach anyone else
    assertEquals(List.of(a2, a1), ids(Expect.ok(api.get("get_purchases").token(alice.token())
        .query("user_id", bob.id()).send())));
    assertTrue(Expect.ok(api.get("get_purchases").token(bob.token()).send()).getJsonArray("purchases")
        .getJsonObject(0).getString("created_at").endsWith("+05:00"));

    assertEquals(a1, Expect.ok(api.get("get_purchase").token(alice.token()).query("purchase_id", a1).send()).getLong("id"));
    Expect.error(api.get("get_purchase").token(alice.token()).query("purchase_id", b1).send(), 404, "Purchase not found");
    Expect.error(api.get("get_purchase").token(alice.token()).query("purchase_id", 987_654_321L).send(), 404,
        "Purchase not found");
    assertEquals(b1, Expect.ok(api.get("get_purchase").token(admin()).query("purchase_id", b1).send()).getLong("id"));
    assertEquals(List.of(b1), ids(Expect.ok(api.get("get_purchases").token(admin()).query("user_id", bob.id()).send())));
    Expect.unauthorized(api.get("get_purchases").send());
    Expect.unauthorized(api.get("get_purchase").query("purchase_id", a1).send());
  }

  @Test
  void adminsFilterByDatesReadInTheirOwnZone() {
    Sql sql = new Sql(server.db());
    long product = CatalogFixtures.product(api, admin(), "Dated", "5.00");
    TestServer.Customer buyer = server.newCustomer("UTC");
    long january = saleAt(sql, buyer.id(), product, "1999-01-15T12:00:00Z");
    long lateJanuaryUtc = saleAt(sql, buyer.id(), product, "1999-01-31T20:00:00Z");
    long february = saleAt(sql, buyer.id(), product, "1999-02-10T12:00:00Z");
    assertEquals(List.of(lateJanuaryUtc, january), ids(Expect.ok(api.get("get_purchases").token(admin())
        .query("start_date", "1999-01-01").query("end_date", "1999-01-31").send())));
    // an admin in Karachi (+05:00): 20:00 UTC on the 31st is already February 1st there
    TestServer.Customer karachi = server.newCustomer("Asia/Karachi");
    sql.update("UPDATE users SET role = 'admin' WHERE id = ?", karachi.id());
    String token = api.login(karachi.email(), karachi.password());
    assertEquals(List.of(january), ids(Expect.ok(api.get("get_purchases").token(token)
        .query("start_date", "1999-01-01").query("end_date", "1999-01-31").send())));
    assertEquals(List.of(february, lateJanuaryUtc), ids(Expect.ok(api.get("get_purchases").token(token)
        .query("start_date", "1999-02-01").query("end_date", "1999-02-28").query("user_id", buyer.id()).send())));
    Expect.invalid(api.get("get_purchases").token(admin()).query("start_date", "1999-02-01")
        .query("end_date", "1999-01-01").send(), "end_date", "Value error, end_date must not be before start_date");
    // customers' date filters do not apply: they always see all of their own
    assertEquals(List.of(february, lateJanuaryUtc, january), ids(Expect.ok(api.get("get_purchases").token(buyer.token())
        .query("start_date", "1999-02-01").send())));
  }

  @Test
  void pagesFollowEachOtherByCursorAndOffsetIsBounded() {
    long product = CatalogFixtures.product(api, admin(), "Paged", "1.00");
    CatalogFixtures.stock(api, admin(), product, 100);
    TestServer.Customer buyer = server.newCustomer("UTC");
    List<Long> bought = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      bought.add(0, buy(buyer.token(), product, 1));
    }
    List<Long> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Api.Call call = api.get("get_purchases").token(buyer.token()).query("per_page", 2);
      JsonObject page = Expect.ok((after == null ? call : call.query("after", after)).send());
      seen.addAll(ids(page));
      assertEquals(5L, page.getLong("total"));
      after = page.getString("next_cursor");
      assertEquals(after != null, page.getBoolean("has_more"));
      pages++;
    } while (after != null);
    assertEquals(bought, seen);
    assertEquals(3, pages);
    assertEquals(bought.subList(2, 4), ids(Expect.ok(api.get("get_purchases").token(buyer.token())
        .query("per_page", 2).query("page", 2).send())));
    Expect.invalid(api.get("get_purchases").token(buyer.token()).query("page", 1001).send(),
        "page", "Input should be less than or equal to 1000");
    Expect.ok(api.get("get_purchases").token(buyer.token()).query("per_page", 100).query("page", 1000).send());
    for (String bad : List.of("bm90LWEtY3Vyc29y", "1.0", "99999999999999999999.5")) {
      Expect.invalid(api.get("get_purchases").token(buyer.token()).query("after", bad).send(), "after",
          "Value error, not a cursor: send the next_cursor of the previous page");
    }
  }
}
