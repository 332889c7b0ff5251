package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * get_products' q through each engine's full-text index (API.md §5): prefixes of words of the
 * name or description, case and accents folded, short and common words found, ranked by
 * relevance, the index following every create and edit in the same transaction, inactive
 * products hidden from customers.
 */
abstract class FullTextSearchTest extends EngineTest {

  private long product(long category, String name, String description, boolean active) {
    return Expect.ok(api.put("create_product").token(admin()).json(new JsonObject().put("product_name", name)
        .put("description", description).put("category_id", category).put("price", "5.00")
        .put("is_active", active)).send()).getLong("id");
  }

  private static List<Long> ids(JsonObject data) {
    List<Long> ids = new ArrayList<>();
    data.getJsonArray("products").forEach(p -> ids.add(((JsonObject) p).getLong("id")));
    return ids;
  }

  private Api.Call search(long category, String q) {
    return api.get("get_products").query("category_ids", "[" + category + "]").query("q", q);
  }

  /** The matches in id order: which products match, apart from how they rank. */
  private List<Long> found(long category, String q) {
    return ids(Expect.ok(search(category, q).query("order_by", "id").send()));
  }

  @Test
  void wordsAndPrefixesOfNameAndDescriptionIgnoringCaseAndAccents() {
    long category = CatalogFixtures.category(api, admin());
    long tv = product(category, "Smart TV 4K", "A television for the living room", true);
    long cafe = product(category, "Café Crème mug", "Über-strong ceramic; ÇA VA", true);
    long ox = product(category, "Ox cart", null, true);

    assertEquals(List.of(tv), found(category, "tv"));
    assertEquals(List.of(tv), found(category, "4k"));
    assertEquals(List.of(tv), found(category, "T"));
    assertEquals(List.of(tv), found(category, "TELEV"));
    assertEquals(List.of(tv), found(category, "living room"));
    assertEquals(List.of(tv), found(category, "for the"));
    assertEquals(List.of(cafe), found(category, "CAFE creme"));
    assertEquals(List.of(cafe), found(category, "café crème"));
    assertEquals(List.of(cafe), found(category, "uber ça"));
    assertEquals(List.of(cafe), found(category, "über-str"));
    assertEquals(List.of(ox), found(category, "ox"));
    assertEquals(List.of(ox), found(category, "o"));
    assertEquals(List.of(cafe, ox), found(category, "c"));
    // every word must match; the middle of a word does not; a longer word than stored does not
    assertEquals(List.of(), found(category, "tv mug"));
    assertEquals(List.of(), found(category, "levision"));
    assertEquals(List.of(), found(category, "oxen"));
    assertEquals(List.of(), found(category, "tv_"));
    assertEquals(List.of(), found(category, "o%"));
  }

  @Test
  void aNameMatchRanksAboveADescriptionMatchAndOrderByReplacesRelevance() {
    long category = CatalogFixtures.category(api, admin());
    long described = product(category, "Kitchen torch", "Torch for a perfect crème brûlée", true);
    long named = product(category, "Crème brûlée kit", "Dessert set", true);
    long both = product(category, "Brûlée torch", "Caramelise crème brûlée at home", true);

    List<Long> ranked = ids(Expect.ok(search(category, "creme brulee").send()));
    assertEquals(3, ranked.size());
    assertEquals(described, ranked.get(2), () -> "a description-only match ranks last: " + ranked);
    assertTrue(ranked.indexOf(named) < ranked.indexOf(described));
    assertEquals(List.of(both, named, described), ids(Expect.ok(search(category, "creme brulee")
        .query("order_by", "id").query("order", "desc").send())));
    JsonObject page = Expect.ok(search(category, "torch").query("per_page", 1).send());
    assertEquals(2, page.getLong("total"));
    assertEquals(false, page.getBoolean("total_capped"));
    assertTrue(page.getBoolean("has_more"));
  }

  @Test
  void theIndexFollowsEveryEditAndHidesInactiveProductsFromCustomers() {
    long category = CatalogFixtures.category(api, admin());
    long lamp = product(category, "Walnut lamp", "Warm light", true);
    long hidden = product(category, "Walnut shelf", null, false);

    assertEquals(List.of(lamp), found(category, "walnut"));
    assertEquals(List.of(lamp), ids(Expect.ok(search(category, "walnut").query("include_inactive", "true")
        .query("order_by", "id").send())));
    assertEquals(List.of(lamp, hidden), ids(Expect.ok(search(category, "walnut").token(admin())
        .query("include_inactive", "true").query("order_by", "id").send())));

    Expect.ok(api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", lamp).put("product_name", "Oak lamp")).send());
    assertEquals(List.of(), found(category, "walnut"));
    assertEquals(List.of(lamp), found(category, "oak warm"));
    Expect.ok(api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", lamp).put("description", "Cold light")).send());
    assertEquals(List.of(), found(category, "warm"));
    assertEquals(List.of(lamp), found(category, "cold"));
    Expect.ok(api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", lamp).put("is_active", false)).send());
    assertEquals(List.of(), found(category, "oak"));
    Expect.ok(api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", hidden).put("is_active", true)).send());
    assertEquals(List.of(hidden), found(category, "walnut shelf"));
  }

  @Test
  void editsKeepTheIndexExactWhenWordsShareTheirFirstLetters() {
    long category = CatalogFixtures.category(api, admin());
    long lamb = product(category, "Lamb lamp", null, true);
    long meter = product(category, "Lambda meter", "Lamination kit", true);

    assertEquals(List.of(lamb, meter), found(category, "lamb"));
    assertEquals(List.of(meter), found(category, "lambd"));
    assertEquals(List.of(lamb), found(category, "lamp"));
    assertEquals(List.of(meter), found(category, "lamin"));
    assertEquals(List.of(lamb, meter), found(category, "lam"));

    Expect.ok(api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", lamb).put("product_name", "Lamb stew")).send());
    assertEquals(List.of(), found(category, "lamp"));
    assertEquals(List.of(lamb), found(category, "stew lamb"));
    assertEquals(List.of(lamb, meter), found(category, "lam"));
    Expect.ok(api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", meter).put("product_name", "Meter").put("description", "Gauge")).send());
    assertEquals(List.of(lamb), found(category, "lam"));
    assertEquals(List.of(), found(category, "lambda"));
    assertEquals(List.of(meter), found(category, "met"));
    // an edit of anything but the words leaves them found
    Expect.ok(api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", lamb).put("price", "7.00")).send());
    assertEquals(List.of(lamb), found(category, "stew"));
  }

  @Test
  void relevancePagesWalkTheNameMatchesThenTheDescriptionMatchesEachInIdOrder() {
    long category = CatalogFixtures.category(api, admin());
    List<Long> named = new ArrayList<>();
    List<Long> described = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      described.add(product(category, "Desk " + i, "With a kettle", true));
      named.add(product(category, "Kettle " + i, null, true));
    }
    List<Long> walked = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonObject data = Expect.ok(search(category, "kettle").query("per_page", 2).query("page", page).send());
      assertEquals(6, data.getLong("total"));
      walked.addAll(ids(data));
    }
    List<Long> expected = new ArrayList<>(named);
    expected.addAll(described);
    assertEquals(expected, walked);
  }

  /**
   * More matches than the count's cap: relevance walks each group in id order and cuts it at the
   * page, a search sorted by price walks the price index testing each product for the terms. Few
   * matches: read once and sorted. Either way every match comes once, in order, through page and
   * cursor alike.
   */
  @Test
  void manyMatchesAndFewGiveTheSameOrdersThroughPageAndCursor() {
    long category = CatalogFixtures.category(api, admin());
    Sql sql = new Sql(server.db());
    long t = 1_700_000_000_000_000L;
    List<Long> kettles = new ArrayList<>();
    List<Long> zinc = new ArrayList<>();
    List<Long> copperNamed = new ArrayList<>();
    List<Long> copperDescribed = new ArrayList<>();
    for (int i = 0; i < 1_300; i++) {
      String name = (i % 7 == 0 ? "Copper kettle zinc " : "Kettle ") + i;
      String description = i % 10 == 0 ? null : "Boils water in copper";
      long id = 900_000 + i;
      sql.update("INSERT INTO products (id, product_name, description, category_id, price_cents, is_active, created_at,"
          + " updated_at, search_text, search_words, name_words) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)", id, name,
          description, category, 100 + (i * 37) % 500, t, t, ProductSearch.stored(name, description),
          ProductSearch.indexed(name, description), ProductSearch.indexed(name));
      sql.update("INSERT INTO inventories (product_id, quantity, updated_at) VALUES (?, 1, ?)", id, t);
      kettles.add(id);
      if (i % 7 == 0) {
        zinc.add(id);
        copperNamed.add(id);
      } else if (description != null) {
        copperDescribed.add(id);
      }
    }
    java.util.Comparator<Long> byPrice = java.util.Comparator.<Long>comparingLong(id -> ((id - 900_000) * 37) % 500)
        .thenComparing(id -> id);
    kettles.sort(byPrice);
    zinc.sort(byPrice);

    JsonObject first = Expect.ok(search(category, "kettl").query("order_by", "price").query("per_page", 50).send());
    assertEquals(true, first.getBoolean("total_capped"));
    assertEquals(kettles.subList(0, 50), ids(first));
    assertEquals(kettles.subList(100, 150), ids(Expect.ok(search(category, "kettl").query("order_by", "price")
        .query("per_page", 50).query("page", 3).send())));
    List<Long> walked = new ArrayList<>(ids(first));
    String next = first.getString("next_cursor");
    while (next != null) {
      JsonObject data = Expect.ok(search(category, "kettl").query("order_by", "price").query("per_page", 100)
          .query("after", next).send());
      walked.addAll(ids(data));
      next = data.getString("next_cursor");
    }
    assertEquals(kettles, walked);

    List<Long> few = new ArrayList<>();
    for (int page = 1; page <= 2; page++) {
      JsonObject data = Expect.ok(search(category, "zinc kett").query("order_by", "price").query("per_page", 100)
          .query("page", page).send());
      assertEquals(zinc.size(), data.getLong("total"));
      few.addAll(ids(data));
    }
    assertEquals(zinc, few);

    List<Long> relevance = new ArrayList<>(copperNamed);
    relevance.addAll(copperDescribed);
    List<Long> ranked = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonObject data = Expect.ok(search(category, "copper").query("per_page", 100).query("page", page).send());
      assertEquals(true, data.getBoolean("total_capped"));
      ranked.addAll(ids(data));
    }
    assertEquals(relevance.subList(0, 300), ranked);
    // the same with few matches: the named ones of a word found in a few descriptions too
    List<Long> zincFirst = ids(Expect.ok(search(category, "zinc copper").query("per_page", 100).send()));
    assertEquals(copperNamed.subList(0, 100), zincFirst);

    // few matches through the cursor: the page and its count come from one walk, the cursor
    // filters the page and not the count; by a number, by text and by stock (all 1: ties by id)
    assertEquals(zinc, walk(category, "zinc kett", "price", "asc", zinc.size()));
    List<Long> byName = new ArrayList<>(zinc);
    byName.sort(java.util.Comparator.<Long, String>comparing(id -> "Copper kettle zinc " + (id - 900_000))
        .thenComparing(id -> id).reversed());
    assertEquals(byName, walk(category, "zinc kett", "product_name", "desc", zinc.size()));
    List<Long> byStock = new ArrayList<>(zinc);
    byStock.sort(java.util.Comparator.reverseOrder());
    assertEquals(byStock, walk(category, "zinc kett", "quantity", "desc", zinc.size()));

    // a page past the last match still says how many there are, few or many
    JsonObject pastFew = Expect.ok(search(category, "zinc kett").query("order_by", "price").query("per_page", 50)
        .query("page", 10).send());
    assertEquals(List.of(), ids(pastFew));
    assertEquals(zinc.size(), pastFew.getLong("total"));
    assertEquals(false, pastFew.getBoolean("total_capped"));
    assertEquals(false, pastFew.getBoolean("has_more"));
    JsonObject pastMany = Expect.ok(search(category, "copper").query("per_page", 100).query("page", 20).send());
    assertEquals(List.of(), ids(pastMany));
    assertEquals(true, pastMany.getBoolean("total_capped"));
    JsonObject none = Expect.ok(search(category, "zinc walnut").send());
    assertEquals(List.of(), ids(none));
    assertEquals(0, none.getLong("total"));
  }

  /** Every match of q in this order, page after page through the cursor, each page's total checked. */
  private List<Long> walk(long category, String q, String orderBy, String order, long total) {
    List<Long> walked = new ArrayList<>();
    String next = null;
    do {
      Api.Call call = search(category, q).query("order_by", orderBy).query("order", order).query("per_page", 40);
      JsonObject data = Expect.ok(next == null ? call.send() : call.query("after", next).send());
      assertEquals(total, data.getLong("total"));
      walked.addAll(ids(data));
      next = data.getString("next_cursor");
    } while (next != null);
    return walked;
  }
}
