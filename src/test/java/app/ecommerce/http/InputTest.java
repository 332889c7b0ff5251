package app.ecommerce.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * API.md §1 input rules: one flat input merged from the query, a JSON body and form data; query
 * values JSON-decoded only where the field wants a number, boolean or list; lists in every
 * spelling; unknown fields ignored; money as exact decimal strings; times in the caller's zone.
 */
abstract class InputTest extends EngineTest {

  private static String email() {
    return CatalogFixtures.unique("input") + "@test.example";
  }

  @Test
  void theJsonBodyOverridesTheQueryAndTheQueryFillsTheRest() {
    String slug = CatalogFixtures.unique("merge");
    JsonObject data = Expect.ok(api.put("create_category").token(admin())
        .query("category_name", "From the query").query("category_slug", slug)
        .json(new JsonObject().put("category_name", "From the body")).send());
    assertEquals("From the body", data.getString("category_name"));
    assertEquals(slug, data.getString("category_slug"));
  }

  @Test
  void queryValuesAreDecodedForNumberAndBooleanFields() {
    for (int i = 0; i < 3; i++) {
      CatalogFixtures.category(api, admin());
    }
    JsonObject data = Expect.ok(api.get("get_categories").token(admin()).query("page", 2).query("per_page", 1)
        .query("order", "desc").send());
    assertEquals(2L, data.getValue("page") instanceof Number n ? n.longValue() : data.getValue("page"));
    assertEquals(1, data.getInteger("per_page"));
    assertEquals(1, data.getJsonArray("categories").size());
    // a GET may carry a JSON body, which overrides the query
    JsonObject body = Expect.ok(api.get("get_categories").token(admin()).query("per_page", 1)
        .json(new JsonObject().put("per_page", 2)).send());
    assertEquals(2, body.getInteger("per_page"));
    assertEquals(2, body.getJsonArray("categories").size());
    // field names are case-sensitive: PER_PAGE is an unknown field, not a second per_page
    assertEquals(2, Expect.ok(api.get("get_categories").token(admin()).rawQuery("per_page=2&PER_PAGE=0&Per_Page=x")
        .send()).getInteger("per_page"));
    assertEquals(2, Expect.ok(api.get("get_categories").token(admin()).form("per_page", "2", "PER_PAGE", "0")
        .send()).getInteger("per_page"));
    // numbers and booleans as JSON strings are read too (the original's lax parsing)
    JsonObject text = Expect.ok(api.get("get_categories").token(admin())
        .json(new JsonObject().put("per_page", "3")).send());
    assertEquals(3, text.getInteger("per_page"));

    long category = CatalogFixtures.category(api, admin());
    long inactive = CatalogFixtures.product(api, admin(), category, "Hidden by default", "1.00", false);
    assertEquals(List.of(), productIds(api.get("get_products").token(admin()).query("category_ids", "[" + category + "]")));
    assertEquals(List.of(inactive), productIds(api.get("get_products").token(admin())
        .query("category_ids", "[" + category + "]").query("include_inactive", "true")));
  }

  @Test
  void stringFieldsKeepTheRawTextOfTheQuery() {
    String email = email();
    JsonObject user = Expect.ok(api.put("register_user").query("first_name", "12345").query("last_name", "true")
        .query("email", email).query("password", "12345678").query("timezone", "UTC").send());
    assertEquals("12345", user.getString("first_name"));
    assertEquals("true", user.getString("last_name"));
    String token = api.login(email, "12345678");
    Expect.ok(api.get("get_categories").token(token).send());
    // the same through a form: "12345678" is a password, not a number
    Expect.ok(api.post("login_user").form("email", email, "password", "12345678").send());
  }

  @Test
  void listsArriveAsJsonRepeatedKeysOrCommaLists() {
    long a = CatalogFixtures.category(api, admin());
    long b = CatalogFixtures.category(api, admin());
    long c = CatalogFixtures.category(api, admin());
    long pa = CatalogFixtures.product(api, admin(), a, "In category A", "1.00", true);
    long pb = CatalogFixtures.product(api, admin(), b, "In category B", "2.00", true);
    CatalogFixtures.product(api, admin(), c, "In category C", "3.00", true);
    List<Long> expected = List.of(pa, pb);
    assertEquals(expected, productIds(api.get("get_products").token(admin()).query("category_ids", "[" + a + "," + b + "]")));
    assertEquals(expected, productIds(api.get("get_products").token(admin()).rawQuery("category_ids=" + a + "&category_ids=" + b)));
    assertEquals(expected, productIds(api.get("get_products").token(admin()).query("category_ids", a + "," + b)));
    assertEquals(expected, productIds(api.get("get_products").token(admin()).query("category_ids", a + ", " + b)));
    assertEquals(expected, productIds(api.get("get_products").token(admin())
        .json(new JsonObject().put("category_ids", new JsonArray().add(a).add(b)))));
    assertEquals(expected, productIds(api.get("get_products").token(admin())
        .form("category_ids", String.valueOf(a), "category_ids", String.valueOf(b))));
    assertEquals(List.of(pa), productIds(api.get("get_products").token(admin()).query("category_ids", a)));
  }

  @Test
  void formUrlEncodedAndMultipartBodiesAreRead() {
    String email = email();
    JsonObject user = Expect.ok(api.put("register_user").form("first_name", "Form", "last_name", "Encoded",
        "email", email, "password", "form-password", "timezone", "Asia/Karachi").send());
    assertEquals("Asia/Karachi", user.getString("timezone"));
    Expect.ok(api.post("login_user").form("email", email, "password", "form-password").send());

    String slug = CatalogFixtures.unique("multipart");
    JsonObject category = Expect.ok(api.put("create_category").token(admin())
        .multipart("category_name", "Multipart category", "category_slug", slug).send());
    assertEquals(slug, category.getString("category_slug"));
    JsonObject cased = Expect.ok(api.put("create_category").token(admin()).multipart("category_name", "Cased name",
        "CATEGORY_NAME", "x", "category_slug", CatalogFixtures.unique("cased")).send());
    assertEquals("Cased name", cased.getString("category_name"));
    JsonObject product = Expect.ok(api.put("create_product").token(admin()).multipart("product_name", "Multipart product",
        "category_id", String.valueOf(category.getLong("id")), "price", "12.30", "is_active", "false").send());
    assertEquals("12.30", product.getString("price"));
    assertEquals(false, product.getBoolean("is_active"));
    // the form overrides the query
    String email2 = email();
    JsonObject other = Expect.ok(api.put("register_user").query("first_name", "Query").query("timezone", "Europe/Paris")
        .multipart("first_name", "Multipart", "last_name", "Person", "email", email2, "password", "form-password").send());
    assertEquals("Multipart", other.getString("first_name"));
    assertEquals("Europe/Paris", other.getString("timezone"));
  }

  @Test
  void unknownFieldsAreIgnoredEvenWhenTheyNameColumns() {
    String email = email();
    JsonObject user = Expect.ok(api.put("register_user").json(new JsonObject().put("first_name", "Would").put("last_name", "Bee")
        .put("email", email).put("password", "long-enough").put("timezone", "UTC").put("role", "admin")
        .put("is_active", 0).put("id", 1).put("no_such_field", new JsonObject().put("x", 1))).send());
    assertEquals("customer", user.getString("role"));
    assertEquals(true, user.getBoolean("is_active"));
    String token = api.login(email, "long-enough");
    Expect.error(api.put("create_category").token(token).json(new JsonObject()
        .put("category_name", "Nope").put("category_slug", CatalogFixtures.unique("nope"))).send(), 403);
  }

  @Test
  void stringsMustBeWellFormedUnicodeWithoutNul() {
    String unicode = "Input should be a valid string, unable to parse raw data as a unicode string";
    for (String bad : List.of("\\ud800xx", "xx\\udfff", "a\\udc00\\ud800b")) {
      String body = "{\"category_name\": \"" + bad + "\", \"category_slug\": \"" + CatalogFixtures.unique("u") + "\"}";
      Expect.invalid(api.put("create_category").token(admin()).body(body, "application/json").send(), "category_name",
          unicode);
      String user = "{\"first_name\": \"abc\", \"last_name\": \"" + bad + "\", \"email\": \"" + email()
          + "\", \"password\": \"12345678\", \"timezone\": \"UTC\"}";
      Expect.invalid(api.put("register_user").body(user, "application/json").send(), "last_name", unicode);
    }
    Expect.invalid(api.put("create_category").token(admin()).body("{\"category_name\": \"a\\u0000bc\", "
        + "\"category_slug\": \"nul-" + CatalogFixtures.unique("n") + "\"}", "application/json").send(), "category_name",
        "String should not contain NUL characters");
    // a correctly paired surrogate (an emoji) is fine and comes back unchanged
    JsonObject ok = Expect.ok(api.put("create_category").token(admin()).body("{\"category_name\": \"Fun \\ud83d\\ude00\", "
        + "\"category_slug\": \"" + CatalogFixtures.unique("emoji") + "\"}", "application/json").send());
    assertEquals("Fun \ud83d\ude00", ok.getString("category_name"));
    JsonObject listed = Expect.ok(api.get("get_categories").token(admin()).query("order", "desc").query("per_page", 1)
        .send()).getJsonArray("categories").getJsonObject(0);
    assertEquals("Fun \ud83d\ude00", listed.getString("category_name"));
  }

  @Test
  void moneyIsAnExactDecimalString() {
    long category = CatalogFixtures.category(api, admin());
    List<List<String>> cases = List.of(
        List.of("\"0.10\"", "0.10"), List.of("0.1", "0.10"), List.of("\"99999999.99\"", "99999999.99"),
        List.of("99999999.99", "99999999.99"), List.of("5", "5.00"), List.of("\"19.9\"", "19.90"),
        List.of("0.01", "0.01"), List.of("1234567.89", "1234567.89"), List.of("\"7.50\"", "7.50"));
    for (List<String> c : cases) {
      String body = "{\"product_name\": \"Money test\", \"category_id\": " + category + ", \"price\": " + c.get(0) + "}";
      JsonObject product = Expect.ok(api.put("create_product").token(admin()).body(body, "application/json").send());
      assertEquals(c.get(1), product.getString("price"), body);
      JsonObject read = Expect.ok(api.get("get_product").token(admin()).query("product_id", product.getLong("id")).send());
      assertEquals(c.get(1), read.getString("price"), body);
    }
    JsonObject product = Expect.ok(api.put("create_product").token(admin()).query("price", "0.30")
        .json(new JsonObject().put("product_name", "Query price").put("category_id", category)).send());
    assertEquals("0.30", product.getString("price"));
  }

  @Test
  void timestampsAreIsoWithTheCallersOffset() {
    TestServer.Customer karachi = server.newCustomer("Asia/Karachi");
    String email = email();
    JsonObject registered = Expect.ok(api.put("register_user").json(new JsonObject().put("first_name", "Zone")
        .put("last_name", "Karachi").put("email", email).put("password", "long-enough").put("timezone", "Asia/Karachi"))
        .send());
    assertTrue(registered.getString("created_at").endsWith("+05:00"), registered::encode);
    assertTrue(registered.getString("updated_at").endsWith("+05:00"), registered::encode);

    JsonObject category = Expect.ok(api.put("create_category").token(admin()).json(new JsonObject()
        .put("category_name", "Zoned").put("category_slug", CatalogFixtures.unique("zoned"))).send());
    long productId = CatalogFixtures.product(api, admin(), category.getLong("id"), "Zoned product", "1.00", true);
    String adminTime = category.getString("created_at");
    assertTrue(adminTime.endsWith("+00:00"), adminTime);

    JsonObject seen = Expect.ok(api.get("get_categories").token(karachi.token()).query("order_by", "id")
        .query("order", "desc").query("per_page", 1).send()).getJsonArray("categories").getJsonObject(0);
    assertEquals(category.getLong("id"), seen.getLong("id"));
    String karachiTime = seen.getString("created_at");
    assertTrue(karachiTime.endsWith("+05:00"), karachiTime);
    assertEquals(OffsetDateTime.parse(adminTime).toInstant(), OffsetDateTime.parse(karachiTime).toInstant());

    JsonObject product = Expect.ok(api.get("get_product").token(karachi.token()).query("product_id", productId).send());
    for (String time : List.of(product.getString("created_at"), product.getString("updated_at"),
        product.getJsonObject("inventory").getString("updated_at"))) {
      assertTrue(time.endsWith("+05:00"), product::encode);
      OffsetDateTime.parse(time);
    }
  }

  /** API.md §1: the list forms of axios, PHP, Rails (name[]) and qs, jQuery (name[N]), in the query and in forms. */
  @Test
  void listsArriveInBracketForms() {
    long a = CatalogFixtures.category(api, admin());
    long b = CatalogFixtures.category(api, admin());
    long c = CatalogFixtures.category(api, admin());
    long pa = CatalogFixtures.product(api, admin(), a, "Bracket A", "1.00", true);
    long pb = CatalogFixtures.product(api, admin(), b, "Bracket B", "2.00", true);
    CatalogFixtures.product(api, admin(), c, "Bracket C", "3.00", true);
    List<Long> both = List.of(pa, pb);
    assertEquals(both, productIds(api.get("get_products").token(admin())
        .rawQuery("category_ids[]=" + a + "&category_ids[]=" + b)));
    assertEquals(both, productIds(api.get("get_products").token(admin())
        .rawQuery("category_ids%5B%5D=" + a + "&category_ids%5B%5D=" + b)));
    assertEquals(both, productIds(api.get("get_products").token(admin())
        .rawQuery("category_ids[0]=" + a + "&category_ids[1]=" + b)));
    assertEquals(both, productIds(api.get("get_products").token(admin())
        .rawQuery("category_ids=" + a + "&category_ids[]=" + b)));
    assertEquals(List.of(pa), productIds(api.get("get_products").token(admin()).rawQuery("category_ids[]=" + a)));
    assertEquals(both, productIds(api.get("get_products").token(admin())
        .form("category_ids[]", String.valueOf(a), "category_ids[]", String.valueOf(b))));
    assertEquals(both, productIds(api.get("get_products").token(admin())
        .form("category_ids[0]", String.valueOf(a), "category_ids[1]", String.valueOf(b))));
    // the elements keep their rules and their paths
    Expect.invalid(api.get("get_products").token(admin()).rawQuery("category_ids[]=" + a + "&category_ids[]=abc").send(),
        "category_ids.1", "Input should be a valid integer, unable to parse string as an integer");
    Expect.invalid(api.get("get_products").token(admin()).rawQuery("category_ids[0]=0").send(),
        "category_ids.0", "Input should be greater than or equal to 1");
  }

  /**
   * A query whose outcome is remembered (RecentQueries) is answered as it was the first time, valid
   * or not; a body or a form sent with it still overrides it; and the clean input is not shared
   * between requests (an Idempotency-Key of one request must not reach the next).
   */
  @Test
  void aRepeatedQueryIsAnsweredAsTheFirstTimeAndABodyStillOverridesIt() {
    long category = CatalogFixtures.category(api, admin());
    long one = CatalogFixtures.product(api, admin(), category, "Asked again one", "1.00", true);
    long two = CatalogFixtures.product(api, admin(), category, "Asked again two", "2.00", true);
    for (int i = 0; i < 3; i++) {
      assertEquals(one, Expect.ok(api.get("get_product").token(admin()).query("product_id", one).send()).getLong("id"));
      Expect.invalid(api.get("get_product").token(admin()).rawQuery("product_id=0").send(), "product_id",
          "Input should be greater than or equal to 1");
      assertEquals(two, Expect.ok(api.get("get_product").token(admin()).query("product_id", one)
          .json(new JsonObject().put("product_id", two)).send()).getLong("id"));
      assertEquals(two, Expect.ok(api.get("get_product").token(admin()).rawQuery("product_id=0")
          .form("product_id", String.valueOf(two)).send()).getLong("id"));
      Expect.invalid(api.get("get_product").token(admin()).query("product_id", one)
          .json(new JsonObject().put("product_id", "x")).send(), "product_id",
          "Input should be a valid integer, unable to parse string as an integer");
    }
    String query = "product_id=" + one + "&quantity=5";
    String key = CatalogFixtures.unique("key");
    assertEquals(5L, Expect.ok(api.put("add_inventory").token(admin()).rawQuery(query)
        .header("Idempotency-Key", key).send()).getLong("quantity"));
    assertEquals(10L, Expect.ok(api.put("add_inventory").token(admin()).rawQuery(query).send()).getLong("quantity"));
    assertEquals(5L, Expect.ok(api.put("add_inventory").token(admin()).rawQuery(query)
        .header("Idempotency-Key", key).send()).getLong("quantity"), "a replay answers as the first time");
    assertEquals(15L, Expect.ok(api.put("add_inventory").token(admin()).rawQuery(query).send()).getLong("quantity"));
  }

  /** A bracketed name that is not a list field of the endpoint is refused, never silently ignored. */
  @Test
  void bracketsOnAnythingButAListAreRefused() {
    JsonObject page = Expect.invalid(api.get("get_products").token(admin()).rawQuery("page[]=2").send());
    assertEquals(List.of("page[]"), List.copyOf(page.fieldNames()));
    assertTrue(page.getString("page[]").contains("page is not one of this endpoint's (category_ids)"), page::encode);
    Expect.invalid(api.get("get_products").token(admin()).rawQuery("per_page[0]=5").send());
    JsonObject unknown = Expect.invalid(api.get("get_categories").token(admin()).rawQuery("colour[]=red").send());
    assertEquals("Brackets are for list fields, and colour is not one of this endpoint's (it has none): send"
        + " colour=<value>", unknown.getString("colour[]"));
    // the same in a form body, with the other fields' problems beside it
    JsonObject form = Expect.invalid(api.put("create_category").token(admin())
        .form("category_name[]", "Bracketed", "category_slug", "x").send());
    assertEquals(List.of("category_name[]", "category_slug"), form.fieldNames().stream().sorted().toList());
    // list fields take [] and [N] only (objects also [N][field])
    Expect.invalid(api.get("get_products").token(admin()).rawQuery("category_ids[x]=1").send(), "category_ids[x]",
        "Send the list as category_ids[]=<value> or category_ids[<index>]=<value>");
    Expect.invalid(api.get("get_products").token(admin()).rawQuery("category_ids[0][id]=1").send());
    // unknown plain names stay ignored
    Expect.ok(api.get("get_products").token(admin()).rawQuery("colour=red").send());
  }

  /** purchase_products' list of objects: items[N][field] pairs, or items[] / items[N] holding JSON objects. */
  @Test
  void aListOfObjectsArrivesInBracketForms() {
    long category = CatalogFixtures.category(api, admin());
    long p = CatalogFixtures.product(api, admin(), category, "Bracket items", "1.25", true);
    CatalogFixtures.stock(api, admin(), p, 100);
    JsonObject bought = Expect.ok(api.post("purchase_products").token(admin())
        .form("items[0][product_id]", String.valueOf(p), "items[0][quantity]", "2",
            "items[1][product_id]", String.valueOf(p), "items[1][quantity]", "3").send());
    assertEquals("6.25", bought.getString("total_amount"));
    assertEquals(2, bought.getJsonArray("purchased_items").size());
    JsonObject query = Expect.ok(api.post("purchase_products").token(admin())
        .rawQuery("items[]=" + java.net.URLEncoder.encode("{\"product_id\":" + p + ",\"quantity\":4}",
            java.nio.charset.StandardCharsets.UTF_8)).send());
    assertEquals("5.00", query.getString("total_amount"));
    JsonObject form = Expect.ok(api.post("purchase_products").token(admin())
        .form("items[]", "{\"product_id\":" + p + ",\"quantity\":1}", "items[]", "{\"product_id\":" + p
            + ",\"quantity\":1}").send());
    assertEquals("2.50", form.getString("total_amount"));
    Expect.invalid(api.post("purchase_products").token(admin())
        .form("items[0][product_id]", String.valueOf(p), "items[0][quantity]", "0").send(),
        "items.0.quantity", "Input should be greater than or equal to 1");
    Expect.invalid(api.post("purchase_products").token(admin()).form("items[0][product_id]", String.valueOf(p)).send(),
        "items.0.quantity", "Field required");
  }

  /**
   * The case of issue 27: get_sales_data with product_ids[]=N answered the figures of every
   * product. Filtered by each list form, the figures are those of the one product and add up.
   */
  @Test
  void salesFiguresFollowABracketedFilter() {
    long category = CatalogFixtures.category(api, admin());
    long other = CatalogFixtures.category(api, admin());
    long pa = CatalogFixtures.product(api, admin(), category, "Filtered A", "2.50", true);
    long pb = CatalogFixtures.product(api, admin(), other, "Filtered B", "4.00", true);
    CatalogFixtures.stock(api, admin(), pa, 10);
    CatalogFixtures.stock(api, admin(), pb, 10);
    String customer = server.newCustomer("UTC").token();
    Expect.ok(api.post("purchase_products").token(customer).json(new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("product_id", pa).put("quantity", 3))
        .add(new JsonObject().put("product_id", pb).put("quantity", 5)))).send());
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String range = "start_date=" + java.time.LocalDate.parse(today).minusDays(1) + "&end_date="
        + java.time.LocalDate.parse(today).plusDays(1) + "&timezone=UTC&include_sales_items=false";
    for (String filter : List.of("product_ids[]=" + pa, "product_ids[0]=" + pa, "category_ids[]=" + category,
        "category_ids[0]=" + category, "form:product_ids[]=" + pa, "form:category_ids[0]=" + category)) {
      Api.Call call = api.get("get_sales_data").token(admin());
      String[] pair = filter.replaceFirst("^form:", "").split("=");
      JsonObject data = Expect.ok(filter.startsWith("form:") ? call.rawQuery(range).form(pair[0], pair[1]).send()
          : call.rawQuery(range + "&" + filter).send());
      JsonObject byProduct = data.getJsonObject("revenue_by_products");
      assertEquals(List.of(pa + ",Filtered A"), List.copyOf(byProduct.fieldNames()), filter);
      assertEquals("7.50", data.getString("total_revenue"), filter);
      java.math.BigDecimal sum = byProduct.stream().map(e -> new java.math.BigDecimal((String) e.getValue()))
          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
      assertEquals(0, new java.math.BigDecimal("7.50").compareTo(sum), filter);
      assertEquals(3, data.getJsonObject("quantity_by_products").getInteger(pa + ",Filtered A"), filter);
    }
    JsonObject both = Expect.ok(api.get("get_sales_data").token(admin())
        .rawQuery(range + "&product_ids[]=" + pa + "&product_ids[]=" + pb).send());
    assertEquals("27.50", both.getString("total_revenue"));
    Expect.invalid(api.get("get_sales_data").token(admin()).rawQuery(range + "&buckets[]=daily").send());
  }

  private List<Long> productIds(Api.Call call) {
    return Expect.ok(call.send()).getJsonArray("products").stream()
        .map(p -> ((JsonObject) p).getLong("id")).collect(Collectors.toList());
  }
}
