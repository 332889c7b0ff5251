package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * get_products' after/next_cursor: a keyset walk in every order, either way, ties broken by id;
 * a walk racing writes neither repeats nor skips a product it did not move; relevance refuses it.
 */
abstract class ProductCursorPagingTest extends EngineTest {
  private static final List<String> ORDERS = List.of("id", "product_name", "price", "quantity", "created_at");

  private List<Long> fiveProducts(long category) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(CatalogFixtures.product(api, admin(), category, "Cursor " + i, "1.00", true));
    }
    return ids;
  }

  private Api.Call list(long category) {
    return api.get("get_products").query("category_ids", "[" + category + "]").query("per_page", 2);
  }

  /** Follows next_cursor from the first page to the last; the products in the order seen. */
  private List<JsonObject> walk(long category, String orderBy, String order, int perPage, Runnable betweenPages) {
    List<JsonObject> seen = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 1000; pages++) {
      Api.Call call = list(category).query("per_page", perPage).query("order_by", orderBy).query("order", order);
      Api.Response r = (cursor == null ? call : call.query("after", cursor)).send();
      assertEquals(200, r.status(), r::toString);
      JsonObject data = r.data();
      data.getJsonArray("products").forEach(p -> seen.add((JsonObject) p));
      cursor = data.getString("next_cursor");
      assertEquals(cursor != null, data.getBoolean("has_more"));
      if (cursor == null) {
        return seen;
      }
      betweenPages.run();
    }
    throw new AssertionError("the walk did not end: " + seen.size());
  }

  private static List<Long> ids(List<JsonObject> products) {
    return products.stream().map(p -> p.getLong("id")).toList();
  }

  /** The order get_products promises: the key, then the id, both in the direction asked. */
  private static Comparator<JsonObject> promised(String orderBy, boolean descending) {
    Function<JsonObject, Comparable<?>> key = switch (orderBy) {
      case "product_name" -> p -> p.getString("product_name");
      case "price" -> p -> new java.math.BigDecimal(p.getString("price"));
      case "quantity" -> p -> p.getLong("quantity");
      case "created_at" -> p -> java.time.OffsetDateTime.parse(p.getString("created_at")).toInstant();
      default -> p -> p.getLong("id");
    };
    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<JsonObject> byKey = Comparator.comparing(p -> (Comparable) key.apply(p));
    Comparator<JsonObject> total = byKey.thenComparing(p -> p.getLong("id"));
    return descending ? total.reversed() : total;
  }

  @Test
  void everyOrderWalksEveryProductOnceInEitherDirectionTiesByIdAsPagesDo() {
    long category = CatalogFixtures.category(api, admin());
    String[] names = {"Tie", "Alpha", "Tie", "Zeta", "Tie", "Émile", "alpha"};
    String[] prices = {"3.00", "1.00", "3.00", "2.00", "1.00", "3.00", "2.00"};
    long[] stock = {5, 0, 5, 2, 0, 5, 2};
    for (int i = 0; i < names.length; i++) {
      long id = CatalogFixtures.product(api, admin(), category, names[i], prices[i], true);
      if (stock[i] > 0) {
        CatalogFixtures.stock(api, admin(), id, stock[i]);
      }
    }
    for (String orderBy : ORDERS) {
      for (String order : List.of("asc", "desc")) {
        List<JsonObject> walked = walk(category, orderBy, order, 2, () -> { });
        List<JsonObject> expected = new ArrayList<>(walked);
        expected.sort(promised(orderBy, order.equals("desc")));
        assertEquals(ids(expected), ids(walked), orderBy + " " + order);
        assertEquals(names.length, walked.size(), orderBy + " " + order);
        List<Long> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
          paged.addAll(ids(Expect.ok(list(category).query("order_by", orderBy).query("order", order)
              .query("page", page).send()).getJsonArray("products").stream().map(p -> (JsonObject) p).toList()));
        }
        assertEquals(ids(walked), paged, "page and after agree, " + orderBy + " " + order);
      }
    }
  }

  @Test
  void aWalkRacingCreatesEditsAndDeactivationsSeesEveryUntouchedProductExactlyOnce() throws Exception {
    long category = CatalogFixtures.category(api, admin());
    Random random = new Random(32);
    Set<Long> untouched = new HashSet<>();
    for (int i = 0; i < 24; i++) {
      untouched.add(CatalogFixtures.product(api, admin(), category, "Stable " + (char) ('a' + random.nextInt(4)),
          (1 + random.nextInt(4)) + ".00", true));
    }
    List<Long> churn = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      churn.add(CatalogFixtures.product(api, admin(), category, "Churn " + i, (1 + random.nextInt(4)) + ".00", true));
    }
    for (String orderBy : ORDERS) {
      for (String order : List.of("asc", "desc")) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
          Random r = new Random(orderBy.hashCode() + order.hashCode());
          while (!done.get()) {
            long victim = churn.get(r.nextInt(churn.size()));
            Api.Response response = switch (r.nextInt(3)) {
              case 0 -> api.put("create_product").token(admin()).json(new JsonObject()
                  .put("product_name", "New " + r.nextInt(1000)).put("category_id", category)
                  .put("price", (1 + r.nextInt(4)) + ".00")).send();
              case 1 -> api.call("PATCH", "update_product").token(admin()).json(new JsonObject()
                  .put("product_id", victim).put("price", (1 + r.nextInt(4)) + ".00")
                  .put("product_name", "Churn " + r.nextInt(1000))).send();
              default -> api.call("PATCH", "update_product").token(admin()).json(new JsonObject()
                  .put("product_id", victim).put("is_active", r.nextBoolean())).send();
            };
            assertEquals(200, response.status(), response::toString);
            writes.incrementAndGet();
          }
        });
        writer.start();
        List<JsonObject> walked;
        try {
          // one page at a time, so that writes land between pages as well as during them
          walked = walk(category, orderBy, order, 3, () -> {
            int before = writes.get();
            while (writes.get() == before && writer.isAlive()) {
              Thread.onSpinWait();
            }
          });
        } finally {
          done.set(true);
          writer.join();
        }
        List<Long> seen = ids(walked);
        for (long id : untouched) {
          assertEquals(1, seen.stream().filter(s -> s == id).count(), orderBy + " " + order + ": product " + id);
        }
        List<JsonObject> ofUntouched = walked.stream().filter(p -> untouched.contains(p.getLong("id"))).toList();
        List<JsonObject> sorted = new ArrayList<>(ofUntouched);
        sorted.sort(promised(orderBy, order.equals("desc")));
        assertEquals(ids(sorted), ids(ofUntouched), orderBy + " " + order);
        assertTrue(writes.get() > 0);
      }
    }
  }

  @Test
  void pageKeepsWorkingAndItsLastRowGivesTheCursor() {
    long category = CatalogFixtures.category(api, admin());
    List<Long> ids = fiveProducts(category);

    JsonObject second = list(category).query("page", 2).send().data();
    assertEquals(List.of(ids.get(2), ids.get(3)), second.getJsonArray("products").stream()
        .map(p -> ((JsonObject) p).getLong("id")).toList());
    assertTrue(second.getBoolean("has_more"));
    String cursor = second.getString("next_cursor");
    assertNotNull(cursor);
    JsonObject third = list(category).query("after", cursor).send().data();
    assertEquals(ids.get(4), third.getJsonArray("products").getJsonObject(0).getLong("id"));
    assertFalse(third.getBoolean("has_more"));
    assertNull(third.getString("next_cursor"));
  }

  @Test
  void relevanceHasNoCursorAndACursorOfAnotherOrderOrNotOursIs422() {
    long category = CatalogFixtures.category(api, admin());
    fiveProducts(category);
    String byId = list(category).send().data().getString("next_cursor");
    String byPrice = list(category).query("order_by", "price").send().data().getString("next_cursor");
    assertNotNull(byPrice);
    assertNull(list(category).query("q", "cursor").send().data().getString("next_cursor"));

    for (Api.Call refused : List.of(
        list(category).query("after", byId).query("order_by", "price"),
        list(category).query("after", byPrice).query("order_by", "quantity"),
        list(category).query("after", byPrice),
        list(category).query("after", byId).query("q", "cursor"),
        list(category).query("after", "2026-01-01.5"),
        list(category).query("after", "product_name.@@.5"),
        list(category).query("after", "product_name.__8.5"),
        list(category).query("after", "id.99999999999999999999"))) {
      Api.Response r = refused.send();
      assertEquals(422, r.status(), r::toString);
      assertTrue(r.data().containsKey("after"), r::toString);
    }
    assertEquals(200, list(category).query("after", byId).query("q", "cursor").query("order_by", "id").send().status());
    assertEquals(200, list(category).query("after", byPrice).query("q", "cursor").query("order_by", "price").send().status());
  }
}
