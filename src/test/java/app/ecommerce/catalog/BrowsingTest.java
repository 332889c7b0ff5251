package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Jwt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Browsing before signing in (API.md §2), search and filters on get_products, has_more on every
 * list and the paginated get_low_stock_products (API.md §5).
 */
abstract class BrowsingTest extends EngineTest {

  private long product(long category, String name, String description, String price, boolean active) {
    Api.Response r = api.put("create_product").token(admin()).json(new JsonObject().put("product_name", name)
        .put("description", description).put("category_id", category).put("price", price).put("is_active", active))
        .send();
    return Expect.ok(r).getLong("id");
  }

  private static List<Long> ids(JsonObject data) {
    List<Long> ids = new ArrayList<>();
    data.getJsonArray("products").forEach(p -> ids.add(((JsonObject) p).getLong("id")));
    return ids;
  }

  private JsonObject search(String token, long category, String q) {
    Api.Call call = api.get("get_products").query("category_ids", "[" + category + "]").query("q", q);
    return Expect.ok(token == null ? call.send() : call.token(token).send());
  }

  @Test
  void anAnonymousCallerBrowsesTheCustomerViewInUtc() {
    long category = CatalogFixtures.category(api, admin());
    long active = product(category, "Visible boots", null, "10.00", true);
    long hidden = product(category, "Hidden boots", null, "10.00", false);
    JsonObject list = Expect.ok(api.get("get_products").query("category_ids", "[" + category + "]")
        .query("include_inactive", "true").send());
    assertEquals(List.of(active), ids(list));
    assertTrue(list.getJsonArray("products").getJsonObject(0).getString("created_at").endsWith("+00:00"));
    Expect.ok(api.get("get_product").query("product_id", active).send());
    Expect.error(api.get("get_product").query("product_id", hidden).send(), 404, "Product does not exist");
    assertTrue(Expect.ok(api.get("get_categories").send()).getLong("total") >= 1);
    // an admin's token still gets the admin view on the same public endpoints
    assertEquals(List.of(active, hidden), ids(Expect.ok(api.get("get_products").token(admin())
        .query("category_ids", "[" + category + "]").query("include_inactive", "true").send())));
  }

  @Test
  void aPresentedTokenMustBeValidEvenOnPublicReads() {
    String customer = server.newCustomerToken();
    JsonObject claims = Jwt.claims(customer);
    String forged = Jwt.sign(server.app().vertx(), "HS256", claims, "another-secret-that-is-long-enough-for-hs256!");
    String expired = Jwt.sign(server.app().vertx(), claims.copy().put("exp", claims.getLong("iat") - 10));
    Expect.ok(api.post("logout_user").token(customer).send());
    for (String endpoint : List.of("get_categories", "get_products", "get_product")) {
      for (String token : List.of(forged, expired, customer, "garbage")) {
        Api.Call call = api.get(endpoint).query("product_id", 1).token(token);
        Expect.invalidToken(call.send());
      }
      Expect.unauthorized(api.get(endpoint).query("product_id", 1).header("Authorization", "").send());
      Expect.unauthorized(api.get(endpoint).query("product_id", 1).header("Authorization", "Basic dXNlcjpwYXNz").send());
    }
  }

  @Test
  void qIsTextMatchedAtTheStartOfWordsIgnoringCaseAndAccents() {
    long category = CatalogFixtures.category(api, admin());
    long percent = product(category, "Sale 50% off", "Half price", "5.00", true);
    long fifty = product(category, "Fifty 500 units", null, "5.00", true);
    long underscore = product(category, "snake_case mug", null, "5.00", true);
    long backslash = product(category, "Path C:\\temp tote", null, "5.00", true);
    long creme = product(category, "Crème brûlée kit", "Dessert", "5.00", true);
    long described = product(category, "Kitchen torch", "For a perfect creme brulee", "5.00", true);
    long bang = product(category, "Wow! lamp", null, "5.00", true);

    assertEquals(List.of(percent), ids(search(null, category, "50%")));
    assertEquals(List.of(), ids(search(null, category, "5_%")));
    assertEquals(List.of(underscore), ids(search(null, category, "snake_")));
    assertEquals(List.of(), ids(search(null, category, "snake%")));
    assertEquals(List.of(), ids(search(null, category, "%")));
    assertEquals(List.of(), ids(search(null, category, "_")));
    assertEquals(List.of(backslash), ids(search(null, category, "c:\\temp")));
    assertEquals(List.of(), ids(search(null, category, "c:\\\\temp")));
    assertEquals(List.of(bang), ids(search(null, category, "wow!")));
    assertEquals(List.of(), ids(search(null, category, "wo!w")));
    assertEquals(List.of(percent, fifty), ids(Expect.ok(api.get("get_products").query("category_ids", "[" + category + "]")
        .query("q", "50").query("order_by", "id").send())));
    assertEquals(List.of(fifty), ids(search(null, category, "500")));
    // accents and case folded; a name match ranks before a description-only match
    assertEquals(List.of(creme, described), ids(search(null, category, "CREME brul")));
    assertEquals(List.of(creme, described), ids(search(null, category, "crème")));
    // every word must match; the middle of a word does not
    assertEquals(List.of(creme), ids(search(null, category, "creme dessert")));
    assertEquals(List.of(), ids(search(null, category, "reme")));
    // order_by replaces relevance
    assertEquals(List.of(described, creme), ids(Expect.ok(api.get("get_products").query("category_ids", "[" + category + "]")
        .query("q", "creme").query("order_by", "id").query("order", "desc").send())));
    Expect.invalid(api.get("get_products").query("q", "a b c d e f g h i j k").send(), "q",
        "Value error, at most 10 words");
  }

  @Test
  void priceAndStockFiltersCombineWithCategoriesSortingAndPaging() {
    long category = CatalogFixtures.category(api, admin());
    long cheap = product(category, "Cheap item", null, "1.00", true);
    long mid = product(category, "Mid item", null, "10.00", true);
    long dear = product(category, "Dear item", null, "100.00", true);
    long midStocked = product(category, "Mid stocked item", null, "20.00", true);
    CatalogFixtures.stock(api, admin(), midStocked, 5);
    CatalogFixtures.stock(api, admin(), dear, 5);
    String cat = "[" + category + "]";
    assertEquals(List.of(mid, midStocked), ids(Expect.ok(api.get("get_products").query("category_ids", cat)
        .query("min_price", "10").query("max_price", "20.00").send())));
    assertEquals(List.of(dear, midStocked), ids(Expect.ok(api.get("get_products").query("category_ids", cat)
        .query("in_stock", "true").query("order_by", "price").query("order", "desc").send())));
    assertEquals(List.of(cheap, mid, dear, midStocked), ids(Expect.ok(api.get("get_products").query("category_ids", cat)
        .query("in_stock", "false").send())));
    JsonObject first = Expect.ok(api.get("get_products").query("category_ids", cat).query("min_price", "5")
        .query("per_page", 2).query("order_by", "price").send());
    assertEquals(List.of(mid, midStocked), ids(first));
    assertEquals(3, first.getLong("total"));
    assertTrue(first.getBoolean("has_more"));
    JsonObject second = Expect.ok(api.get("get_products").query("category_ids", cat).query("min_price", "5")
        .query("per_page", 2).query("page", 2).query("order_by", "price").send());
    assertEquals(List.of(dear), ids(second));
    assertFalse(second.getBoolean("has_more"));
    assertEquals(1, Expect.ok(api.get("get_products").query("category_ids", cat).query("in_stock", true)
        .query("q", "stocked").send()).getLong("total"));
    Expect.invalid(api.get("get_products").query("min_price", "10").query("max_price", "9.99").send(), "max_price",
        "Value error, max_price must not be below min_price");
    Expect.invalid(api.get("get_products").query("min_price", "0").send(), "min_price", "Input should be greater than 0");
  }

  @Test
  void everyListSaysWhetherMoreFollowsAndLowStockIsPaginated() {
    long category = CatalogFixtures.category(api, admin());
    List<Long> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      made.add(product(category, "Low stock " + i, null, "1.00", true));
    }
    JsonObject categories = Expect.ok(api.get("get_categories").query("per_page", 1).send());
    assertEquals(categories.getLong("total") > 1, categories.getBoolean("has_more"));
    JsonObject last = Expect.ok(api.get("get_categories").query("per_page", 100).send());
    assertFalse(last.getBoolean("has_more"));
    // every product of this test has stock 0; other tests' products may be low too
    JsonObject low = Expect.ok(api.get("get_low_stock_products").token(admin()).query("quantity_threshold", 0)
        .query("per_page", 2).send());
    Expect.keys(low, "products", "page", "per_page", "total", "has_more", "total_capped");
    assertEquals(2, low.getJsonArray("products").size());
    assertTrue(low.getLong("total") >= 3);
    assertTrue(low.getBoolean("has_more"));
    List<Long> all = new ArrayList<>();
    long pages = (low.getLong("total") + 99) / 100;
    for (long page = 1; page <= pages; page++) {
      JsonArray products = Expect.ok(api.get("get_low_stock_products").token(admin()).query("quantity_threshold", 0)
          .query("per_page", 100).query("page", page).send()).getJsonArray("products");
      products.forEach(p -> all.add(((JsonObject) p).getLong("id")));
    }
    assertTrue(all.containsAll(made), () -> all + " lacks " + made);
    assertEquals(all.size(), all.stream().distinct().count());
    Expect.error(api.get("get_low_stock_products").send(), 401);
    Expect.error(api.get("get_low_stock_products").token(server.newCustomerToken()).send(), 403);
  }
}
