package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** get_products' after/next_cursor: a keyset walk in id order, either way; other orders refuse it. */
abstract class ProductCursorPagingTest extends EngineTest {

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

  /** Follows next_cursor from the first page to the last; the ids in the order seen. */
  private List<Long> walk(long category, String order) {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      Api.Call call = list(category).query("order_by", "id").query("order", order);
      Api.Response r = (cursor == null ? call : call.query("after", cursor)).send();
      assertEquals(200, r.status(), r::toString);
      JsonObject data = r.data();
      data.getJsonArray("products").forEach(p -> seen.add(((JsonObject) p).getLong("id")));
      assertEquals(5, data.getLong("total"));
      cursor = data.getString("next_cursor");
      assertEquals(cursor != null, data.getBoolean("has_more"));
      if (cursor == null) {
        return seen;
      }
    }
    throw new AssertionError("the walk did not end: " + seen);
  }

  @Test
  void aCursorWalkSeesEveryProductOnceInEitherDirection() {
    long category = CatalogFixtures.category(api, admin());
    List<Long> ids = fiveProducts(category);

    assertEquals(ids, walk(category, "asc"));
    assertEquals(ids.stream().sorted(Comparator.reverseOrder()).toList(), walk(category, "desc"));
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
  void ordersACursorCannotPageAndForeignCursorsAre422() {
    long category = CatalogFixtures.category(api, admin());
    fiveProducts(category);
    String cursor = list(category).send().data().getString("next_cursor");
    assertNull(list(category).query("order_by", "price").send().data().getString("next_cursor"));

    for (Api.Call refused : List.of(
        list(category).query("after", cursor).query("order_by", "price"),
        list(category).query("after", cursor).query("q", "cursor"),
        list(category).query("after", "2026-01-01.5"),
        list(category).query("after", "id.99999999999999999999"))) {
      Api.Response r = refused.send();
      assertEquals(422, r.status(), r::toString);
      assertTrue(r.data().containsKey("after"), r::toString);
    }
    assertEquals(200, list(category).query("after", cursor).query("q", "cursor").query("order_by", "id").send().status());
  }
}
