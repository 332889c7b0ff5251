package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** create_category and get_categories (API.md §3.4, §3.6). */
abstract class CategoriesTest extends EngineTest {
  static final String SLUG_MESSAGE = "String should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'";

  private Api.Response create(String name, String slug) {
    return api.put("create_category").token(admin())
        .json(new JsonObject().put("category_name", name).put("category_slug", slug)).send();
  }

  @Test
  void creatingACategoryReturnsIt() {
    String slug = CatalogFixtures.unique("shoes");
    JsonObject data = Expect.ok(create("Shoes & boots", slug), "Category created successfully");
    Expect.keys(data, "id", "category_name", "category_slug", "created_at");
    assertEquals("Shoes & boots", data.getString("category_name"));
    assertEquals(slug, data.getString("category_slug"));
    assertTrue(data.getString("created_at").endsWith("+00:00"), data::encode);
    OffsetDateTime.parse(data.getString("created_at"));
    var row = new Sql(server.db()).rows("SELECT category_name, category_slug FROM categories WHERE id = ?",
        data.getLong("id")).get(0);
    assertEquals("Shoes & boots", row.get("category_name"));
    assertEquals(slug, row.get("category_slug"));
  }

  @Test
  void categoryFieldsAreValidated() {
    String ok = CatalogFixtures.unique("valid");
    Expect.invalid(create("ab", ok), "category_name", "String should have at least 3 characters");
    Expect.invalid(create("n".repeat(51), ok), "category_name", "String should have at most 50 characters");
    Expect.invalid(create("Name", "ab"), "category_slug", "String should have at least 3 characters");
    Expect.invalid(create("Name", "s".repeat(51)), "category_slug", "String should have at most 50 characters");
    for (String bad : List.of("Bad Slug", "UPPER-case", "a--b", "-abc", "abc-", "ab_c", "abc.d", "ábc", "abc ",
        "a/b/c")) {
      Expect.invalid(create("Name", bad), "category_slug", SLUG_MESSAGE);
    }
    JsonObject missing = Expect.invalid(api.put("create_category").token(admin()).json(new JsonObject()).send());
    assertEquals(new JsonObject().put("category_name", "Field required").put("category_slug", "Field required"), missing);
    Expect.invalid(api.put("create_category").token(admin()).json(new JsonObject().put("category_name", 123)
        .put("category_slug", ok)).send(), "category_name", "Input should be a valid string");
    assertEquals(0L, new Sql(server.db()).number("SELECT COUNT(*) FROM categories WHERE category_slug = ?", ok));
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    String unique = CatalogFixtures.unique("x").replace("-", "");
    Expect.ok(create("abc", "a-" + unique));
    Expect.ok(create("n".repeat(50), (unique + "-" + "s".repeat(50)).substring(0, 50)));
    Expect.ok(create("Digits", "1-2-" + unique));
    // limits count characters (code points), so 50 four-byte characters fit the column
    String emoji = "\ud83d\ude00".repeat(50);
    JsonObject wide = Expect.ok(create(emoji, "emoji-" + unique));
    assertEquals(emoji, wide.getString("category_name"));
    assertEquals(emoji, new Sql(server.db()).rows("SELECT category_name FROM categories WHERE id = ?",
        wide.getLong("id")).get(0).get("category_name"));
    Expect.invalid(create(emoji + "\ud83d\ude00", "emoji-more-" + unique), "category_name",
        "String should have at most 50 characters");
  }

  /** A UUID-shaped name, the first parameter of the INSERT, is stored as sent (see ProductsTest). */
  @Test
  void aNameShapedLikeAUuidIsStoredAsSent() {
    String name = CatalogFixtures.upperCaseUuidText();
    JsonObject data = Expect.ok(create(name, CatalogFixtures.unique("uuid")));
    assertEquals(name, new Sql(server.db()).rows("SELECT category_name FROM categories WHERE id = ?",
        data.getLong("id")).get(0).get("category_name"));
  }

  @Test
  void aDuplicateSlugIsRefused() {
    String slug = CatalogFixtures.unique("dup");
    Expect.ok(create("First", slug));
    Expect.error(create("Second", slug), 422, "Category with this slug already exists");
    assertEquals(1L, new Sql(server.db()).number("SELECT COUNT(*) FROM categories WHERE category_slug = ?", slug));
    // the same name under another slug is fine
    Expect.ok(create("First", slug + "-2"));
  }

  @Test
  void concurrentCreationsOfOneSlugCreateExactlyOne() throws Exception {
    String slug = CatalogFixtures.unique("race");
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(api.put("create_category").token(admin())
          .json(new JsonObject().put("category_name", "Race " + i).put("category_slug", slug)).sendAsync());
    }
    Expect.exactlyOneSucceeds(calls, 422, "Category with this slug already exists");
    assertEquals(1L, new Sql(server.db()).number("SELECT COUNT(*) FROM categories WHERE category_slug = ?", slug));
  }

  @Test
  void listingPagesThroughEveryCategory() {
    for (int i = 0; i < 7; i++) {
      CatalogFixtures.category(api, admin());
    }
    String customer = server.newCustomerToken();
    JsonObject first = Expect.ok(api.get("get_categories").token(customer).send(), "Categories fetched successfully");
    Expect.keys(first, "categories", "page", "per_page", "total", "has_more");
    assertEquals(1, first.getInteger("page"));
    assertEquals(10, first.getInteger("per_page"));
    long total = new Sql(server.db()).number("SELECT COUNT(*) FROM categories");
    assertEquals(total, first.getLong("total"));
    assertEquals(Math.min(10, total), first.getJsonArray("categories").size());
    first.getJsonArray("categories").forEach(c -> Expect.keys((JsonObject) c, "id", "category_name", "category_slug",
        "created_at"));

    List<JsonObject> all = all(customer, "id", "asc", 3);
    assertEquals(total, all.size());
    assertEquals(all.size(), new HashSet<>(all.stream().map(c -> c.getLong("id")).toList()).size());
    assertSorted(all, Comparator.comparing(c -> c.getLong("id")));
    JsonObject beyond = Expect.ok(api.get("get_categories").token(customer).query("page", total + 1).send());
    assertEquals(0, beyond.getJsonArray("categories").size());
    assertEquals(total, beyond.getLong("total"));
    JsonObject max = Expect.ok(api.get("get_categories").token(customer).query("per_page", 100).send());
    assertEquals(Math.min(100, total), max.getJsonArray("categories").size());
  }

  @Test
  void listingOrdersByEveryAllowedColumnBothWays() {
    String tag = CatalogFixtures.unique("o");
    for (String name : List.of("Mango", "apple", "Banana", "Mango", "cherry")) {
      Expect.ok(create(name + " " + tag, CatalogFixtures.unique(name.toLowerCase())));
    }
    Comparator<JsonObject> byId = Comparator.comparing(c -> c.getLong("id"));
    for (String column : List.of("category_name", "category_slug", "created_at", "id")) {
      Comparator<JsonObject> order = Comparator.<JsonObject, String>comparing(c -> c.getValue(column).toString());
      if (column.equals("created_at")) {
        order = Comparator.comparing(c -> OffsetDateTime.parse(c.getString("created_at")).toInstant());
      } else if (column.equals("id")) {
        order = byId;
      }
      assertSorted(all(admin(), column, "asc", 100), order.thenComparing(byId));
      assertSorted(all(admin(), column, "desc", 100), order.thenComparing(byId).reversed());
    }
  }

  @Test
  void paginationInputIsValidatedAndNeverReachesTheSql() {
    String token = server.newCustomerToken();
    List<List<Object>> cases = List.of(
        List.of("page", 0, "Input should be greater than or equal to 1"),
        List.of("page", -1, "Input should be greater than or equal to 1"),
        List.of("page", "two", "Input should be a valid integer, unable to parse string as an integer"),
        List.of("page", "1.5", "Input should be a valid integer, got a number with a fractional part"),
        List.of("per_page", 0, "Input should be greater than or equal to 1"),
        List.of("per_page", 101, "Input should be less than or equal to 100"),
        List.of("order", "up", "Input should be 'asc' or 'desc'"),
        List.of("order", "DESC", "Input should be 'asc' or 'desc'"));
    for (List<Object> c : cases) {
      Expect.invalid(api.get("get_categories").token(token).query((String) c.get(0), c.get(1)).send(),
          (String) c.get(0), (String) c.get(2));
    }
    String allowed = "Input should be 'id', 'category_name', 'category_slug' or 'created_at'";
    for (String attack : List.of("price", "ID", "id; DROP TABLE categories", "id desc", "(SELECT 1)", "category_name--",
        "1")) {
      Expect.invalid(api.get("get_categories").token(token).query("order_by", attack).send(), "order_by", allowed);
    }
    Expect.ok(api.get("get_categories").token(token).send());
  }

  /** Every category, walking the pages. */
  private List<JsonObject> all(String token, String orderBy, String order, int perPage) {
    List<JsonObject> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonObject data = Expect.ok(api.get("get_categories").token(token).query("order_by", orderBy)
          .query("order", order).query("per_page", perPage).query("page", page).send());
      assertEquals(page, data.getInteger("page"));
      data.getJsonArray("categories").forEach(c -> out.add((JsonObject) c));
      if (data.getJsonArray("categories").size() < perPage) {
        assertEquals(data.getLong("total"), (long) out.size());
        return out;
      }
    }
  }

  static void assertSorted(List<JsonObject> list, Comparator<JsonObject> order) {
    for (int i = 1; i < list.size(); i++) {
      JsonObject a = list.get(i - 1);
      JsonObject b = list.get(i);
      assertTrue(order.compare(a, b) <= 0, () -> "out of order: " + a.encode() + " before " + b.encode());
    }
  }
}
