package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** create_product, get_products and get_product (API.md §3.5, §3.7, §3.8). */
abstract class ProductsTest extends EngineTest {
  static final String[] PRODUCT_KEYS = {"id", "product_name", "description", "category_id", "price", "is_active",
      "quantity", "created_at", "updated_at"};
  private String customer;

  private synchronized String customer() {
    if (customer == null) {
      customer = server.newCustomerToken();
    }
    return customer;
  }

  private Api.Response create(String body) {
    return api.put("create_product").token(admin()).body(body, "application/json").send();
  }

  private Api.Response create(JsonObject body) {
    return api.put("create_product").token(admin()).json(body).send();
  }

  private static JsonObject product(long category) {
    return new JsonObject().put("product_name", "Product " + CatalogFixtures.unique("p")).put("category_id", category)
        .put("price", "9.99");
  }

  @Test
  void creatingAProductReturnsItWithNoStock() {
    long category = CatalogFixtures.category(api, admin());
    JsonObject data = Expect.ok(create(new JsonObject().put("product_name", "Walking boots")
        .put("description", "Waterproof").put("category_id", category).put("price", "129.90")), "Product created successfully");
    Expect.keys(data, PRODUCT_KEYS);
    assertEquals("Walking boots", data.getString("product_name"));
    assertEquals("Waterproof", data.getString("description"));
    assertEquals(category, data.getLong("category_id"));
    assertEquals("129.90", data.getString("price"));
    assertEquals(true, data.getBoolean("is_active"));
    assertEquals(0, data.getInteger("quantity"));
    OffsetDateTime.parse(data.getString("created_at"));
    OffsetDateTime.parse(data.getString("updated_at"));
    Sql sql = new Sql(server.db());
    long id = data.getLong("id");
    assertEquals(12990L, sql.number("SELECT price_cents FROM products WHERE id = ?", id));
    assertEquals(0L, sql.number("SELECT quantity FROM inventories WHERE product_id = ?", id));
    assertEquals(0L, sql.number("SELECT COUNT(*) FROM inventory_movements WHERE product_id = ?", id));
  }

  @Test
  void theDescriptionIsOptionalNullableAndBounded() {
    long category = CatalogFixtures.category(api, admin());
    JsonObject absent = Expect.ok(create(product(category)));
    assertEquals(true, absent.containsKey("description"));
    assertNull(absent.getValue("description"));
    assertNull(Expect.ok(create(product(category).putNull("description"))).getValue("description"));
    assertEquals("", Expect.ok(create(product(category).put("description", ""))).getString("description"));
    String longest = "d".repeat(1000);
    long id = Expect.ok(create(product(category).put("description", longest))).getLong("id");
    assertEquals(longest, Expect.ok(api.get("get_product").token(admin()).query("product_id", id).send())
        .getString("description"));
    Expect.invalid(create(product(category).put("description", "d".repeat(1001))), "description",
        "String should have at most 1000 characters");
    long nullId = Expect.ok(create(product(category).putNull("description"))).getLong("id");
    assertNull(Expect.ok(api.get("get_product").token(customer()).query("product_id", nullId).send())
        .getValue("description"));
  }

  @Test
  void thePriceIsValidatedExactly() {
    long category = CatalogFixtures.category(api, admin());
    String prefix = "{\"product_name\": \"Priced\", \"category_id\": " + category + ", \"price\": ";
    List<List<String>> refused = List.of(
        List.of("0", "Input should be greater than 0"), List.of("\"0.00\"", "Input should be greater than 0"),
        List.of("-1", "Input should be greater than 0"), List.of("\"-0.01\"", "Input should be greater than 0"),
        List.of("\"1.234\"", "Decimal input should have no more than 2 decimal places"),
        List.of("0.001", "Decimal input should have no more than 2 decimal places"),
        List.of("100000000", "Input should be less than or equal to 99999999.99"),
        List.of("\"100000000.00\"", "Input should be less than or equal to 99999999.99"),
        List.of("1e30", "Input should be less than or equal to 99999999.99"),
        List.of("\"abc\"", "Input should be a valid decimal"), List.of("\"\"", "Input should be a valid decimal"),
        List.of("\"1,50\"", "Input should be a valid decimal"), List.of("\"NaN\"", "Input should be a valid decimal"),
        List.of("true", "Input should be a valid decimal"), List.of("null", "Input should be a valid decimal"),
        List.of("[1]", "Input should be a valid decimal"));
    for (List<String> c : refused) {
      Expect.invalid(create(prefix + c.get(0) + "}"), "price", c.get(1));
    }
    assertEquals(0L, new Sql(server.db()).number("SELECT COUNT(*) FROM products WHERE category_id = ?", category));
    Expect.invalid(create(new JsonObject().put("product_name", "No price").put("category_id", category)), "price",
        "Field required");
    for (List<String> c : List.of(List.of("0.01", "0.01"), List.of("\"99999999.99\"", "99999999.99"),
        List.of("12", "12.00"), List.of("\"12.5\"", "12.50"), List.of("1.10", "1.10"), List.of("\"1.230\"", "1.23"))) {
      assertEquals(c.get(1), Expect.ok(create(prefix + c.get(0) + "}")).getString("price"), c.get(0));
    }
  }

  @Test
  void otherProductFieldsAreValidated() {
    long category = CatalogFixtures.category(api, admin());
    Expect.invalid(create(product(category).put("product_name", "ab")), "product_name",
        "String should have at least 3 characters");
    Expect.invalid(create(product(category).put("product_name", "p".repeat(51))), "product_name",
        "String should have at most 50 characters");
    Expect.invalid(create(product(category).put("category_id", "abc")), "category_id",
        "Input should be a valid integer, unable to parse string as an integer");
    Expect.invalid(create(product(category).put("category_id", 0)), "category_id",
        "Input should be greater than or equal to 1");
    Expect.invalid(create(product(category).put("category_id", 1.5)), "category_id",
        "Input should be a valid integer, got a number with a fractional part");
    Expect.invalid(create(product(category).put("is_active", "maybe")), "is_active", "Input should be a valid boolean");
    JsonObject missing = Expect.invalid(create(new JsonObject()));
    assertEquals(List.of("product_name", "category_id", "price"), List.copyOf(missing.fieldNames()));
    assertEquals(false, Expect.ok(create(product(category).put("is_active", false))).getBoolean("is_active"));
    assertEquals(false, Expect.ok(create(product(category).put("is_active", "false"))).getBoolean("is_active"));
    assertEquals("p".repeat(50), Expect.ok(create(product(category).put("product_name", "p".repeat(50))))
        .getString("product_name"));
  }

  @Test
  void anUnknownCategoryIs404() {
    String name = "Orphan " + CatalogFixtures.unique("o");
    Expect.error(create(new JsonObject().put("product_name", name).put("category_id", 987_654_321L).put("price", "1.00")),
        404, "Category not found");
    Expect.error(create(new JsonObject().put("product_name", name).put("category_id", Long.MAX_VALUE).put("price", "1.00")),
        404, "Category not found");
    assertEquals(0L, new Sql(server.db()).number("SELECT COUNT(*) FROM products WHERE product_name = ?", name));
  }

  @Test
  void listingFiltersByCategoryAndShowsTheCategory() {
    long a = CatalogFixtures.category(api, admin());
    long b = CatalogFixtures.category(api, admin());
    long c = CatalogFixtures.category(api, admin());
    long a1 = CatalogFixtures.product(api, admin(), a, "A one", "1.00", true);
    long a2 = CatalogFixtures.product(api, admin(), a, "A two", "2.00", true);
    long b1 = CatalogFixtures.product(api, admin(), b, "B one", "3.00", true);
    CatalogFixtures.product(api, admin(), c, "C one", "4.00", true);
    JsonObject data = Expect.ok(api.get("get_products").token(customer()).query("category_ids", "[" + a + "," + b + "]")
        .send(), "Products fetched successfully");
    Expect.keys(data, "products", "page", "per_page", "total", "has_more", "next_cursor", "total_capped");
    assertEquals(3, data.getLong("total"));
    assertEquals(List.of(a1, a2, b1), ids(data));
    JsonObject slugs = new JsonObject();
    for (Object o : Expect.ok(api.get("get_categories").token(admin()).query("per_page", 100).query("order", "desc")
        .send()).getJsonArray("categories")) {
      slugs.put(String.valueOf(((JsonObject) o).getLong("id")), o);
    }
    for (Object o : data.getJsonArray("products")) {
      JsonObject p = (JsonObject) o;
      Expect.keys(p, "id", "product_name", "description", "category_id", "price", "is_active", "quantity", "created_at",
          "updated_at", "category_name", "category_slug");
      JsonObject category = slugs.getJsonObject(String.valueOf(p.getLong("category_id")));
      assertEquals(category.getString("category_name"), p.getString("category_name"));
      assertEquals(category.getString("category_slug"), p.getString("category_slug"));
    }
    JsonObject page2 = Expect.ok(api.get("get_products").token(customer()).query("category_ids", "[" + a + "," + b + "]")
        .query("per_page", 2).query("page", 2).send());
    assertEquals(List.of(b1), ids(page2));
    assertEquals(3, page2.getLong("total"));
    JsonObject unknown = Expect.ok(api.get("get_products").token(customer()).query("category_ids", "[987654321]").send());
    assertEquals(0, unknown.getLong("total"));
    assertEquals(List.of(), ids(unknown));
    JsonObject all = Expect.ok(api.get("get_products").token(admin()).query("include_inactive", true).send());
    assertEquals(new Sql(server.db()).number("SELECT COUNT(*) FROM products"), all.getLong("total"));
  }

  @Test
  void customersSeeActiveProductsOnlyAndAdminsMayAskForAll() {
    long category = CatalogFixtures.category(api, admin());
    long active = CatalogFixtures.product(api, admin(), category, "Active one", "1.00", true);
    long inactive = CatalogFixtures.product(api, admin(), category, "Inactive one", "1.00", false);
    String filter = "[" + category + "]";
    for (Api.Call call : List.of(
        api.get("get_products").token(customer()).query("category_ids", filter),
        api.get("get_products").token(customer()).query("category_ids", filter).query("include_inactive", true),
        api.get("get_products").token(customer()).json(new JsonObject().put("category_ids", new JsonArray().add(category))
            .put("include_inactive", true)),
        api.get("get_products").token(admin()).query("category_ids", filter),
        api.get("get_products").token(admin()).query("category_ids", filter).query("include_inactive", false))) {
      JsonObject data = Expect.ok(call.send());
      assertEquals(List.of(active), ids(data));
      assertEquals(1, data.getLong("total"));
    }
    JsonObject both = Expect.ok(api.get("get_products").token(admin()).query("category_ids", filter)
        .query("include_inactive", true).send());
    assertEquals(List.of(active, inactive), ids(both));
    assertEquals(2, both.getLong("total"));
    assertEquals(true, both.getJsonArray("products").getJsonObject(0).getBoolean("is_active"));
    assertEquals(false, both.getJsonArray("products").getJsonObject(1).getBoolean("is_active"));
  }

  @Test
  void listingOrdersByPriceQuantityAndName() {
    long category = CatalogFixtures.category(api, admin());
    long p100 = CatalogFixtures.product(api, admin(), category, "Bravo", "100.00", true);
    long p12 = CatalogFixtures.product(api, admin(), category, "alpha", "12.50", true);
    long p5 = CatalogFixtures.product(api, admin(), category, "Charlie", "5.00", true);
    long p12b = CatalogFixtures.product(api, admin(), category, "Alpha", "12.50", true);
    CatalogFixtures.stock(api, admin(), p100, 3);
    CatalogFixtures.stock(api, admin(), p12, 20);
    CatalogFixtures.stock(api, admin(), p5, 7);
    CatalogFixtures.stock(api, admin(), p12b, 3);
    assertEquals(List.of(p5, p12, p12b, p100), ordered(category, "price", "asc"));
    assertEquals(List.of(p100, p12b, p12, p5), ordered(category, "price", "desc"));
    assertEquals(List.of(p100, p12b, p5, p12), ordered(category, "quantity", "asc"));
    assertEquals(List.of(p12, p5, p12b, p100), ordered(category, "quantity", "desc"));
    assertEquals(List.of(p12b, p100, p5, p12), ordered(category, "product_name", "asc"));
    assertEquals(List.of(p100, p12, p5, p12b), ordered(category, "id", "asc"));
    assertEquals(List.of(p100, p12, p5, p12b), ordered(category, "created_at", "asc"));
    assertEquals(List.of(p12b, p5, p12, p100), ordered(category, "created_at", "desc"));
    JsonObject first = Expect.ok(api.get("get_products").token(customer()).query("category_ids", "[" + category + "]")
        .query("order_by", "quantity").query("order", "desc").send()).getJsonArray("products").getJsonObject(0);
    assertEquals(20, first.getInteger("quantity"));
    assertEquals("12.50", first.getString("price"));
  }

  @Test
  void listingInputIsValidated() {
    Expect.invalid(api.get("get_products").token(customer()).query("order_by", "category_id").send(), "order_by",
        "Input should be 'id', 'product_name', 'price', 'quantity' or 'created_at'");
    Expect.invalid(api.get("get_products").token(customer()).query("order_by", "price; DELETE FROM products").send(),
        "order_by", "Input should be 'id', 'product_name', 'price', 'quantity' or 'created_at'");
    Expect.invalid(api.get("get_products").token(customer()).query("category_ids", "[0]").send(), "category_ids.0",
        "Input should be greater than or equal to 1");
    Expect.invalid(api.get("get_products").token(customer()).query("category_ids", "1,abc").send(), "category_ids.1",
        "Input should be a valid integer, unable to parse string as an integer");
    Expect.invalid(api.get("get_products").token(customer()).json(new JsonObject().put("category_ids", "1")).send(),
        "category_ids", "Input should be a valid list");
    String tooMany = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));
    Expect.invalid(api.get("get_products").token(customer()).query("category_ids", tooMany).send(), "category_ids",
        "List should have at most 100 items after validation, not 101");
    Expect.invalid(api.get("get_products").token(customer()).query("per_page", 101).send(), "per_page",
        "Input should be less than or equal to 100");
    Expect.invalid(api.get("get_products").token(admin()).query("include_inactive", "perhaps").send(),
        "include_inactive", "Input should be a valid boolean");
  }

  @Test
  void oneProductWithItsCategoryAndInventory() {
    long category = CatalogFixtures.category(api, admin());
    long id = CatalogFixtures.product(api, admin(), category, "Single", "42.00", true);
    CatalogFixtures.stock(api, admin(), id, 17);
    JsonObject data = Expect.ok(api.get("get_product").token(customer()).query("product_id", id).send(),
        "Product retrieved successfully");
    Expect.keys(data, "id", "product_name", "description", "category_id", "price", "is_active", "quantity", "created_at",
        "updated_at", "category_name", "category_slug", "inventory");
    assertEquals(id, data.getLong("id"));
    assertEquals("42.00", data.getString("price"));
    assertEquals(17, data.getInteger("quantity"));
    assertEquals(category, data.getLong("category_id"));
    assertEquals(new Sql(server.db()).rows("SELECT category_slug FROM categories WHERE id = ?", category).get(0)
        .get("category_slug"), data.getString("category_slug"));
    JsonObject inventory = data.getJsonObject("inventory");
    Expect.keys(inventory, "quantity", "updated_at");
    assertEquals(17, inventory.getInteger("quantity"));
    OffsetDateTime.parse(inventory.getString("updated_at"));
  }

  /**
   * get_product reuses the encoding of a row it has answered before (ProductAnswers): every change
   * to what the answer shows must still be on the very next read, and a caller in another zone
   * gets its own times, whatever was answered just before.
   */
  @Test
  void theNextReadShowsEveryChangeAndTheCallersZone() {
    long category = CatalogFixtures.category(api, admin());
    long id = CatalogFixtures.product(api, admin(), category, "Fresh " + CatalogFixtures.unique("p"), "10.00", true);
    CatalogFixtures.stock(api, admin(), id, 5);
    TestServer.Customer buyer = server.newCustomer("UTC");
    JsonObject first = read(buyer.token(), id);
    assertEquals(first, read(buyer.token(), id));
    assertEquals(5, first.getInteger("quantity"));

    Expect.ok(api.call("PATCH", "update_product").token(admin()).json(new JsonObject().put("product_id", id)
        .put("price", "12.50").put("product_name", "Renamed " + id).put("description", "Now described")).send());
    JsonObject edited = read(buyer.token(), id);
    assertEquals("12.50", edited.getString("price"));
    assertEquals("Renamed " + id, edited.getString("product_name"));
    assertEquals("Now described", edited.getString("description"));

    Expect.ok(api.post("purchase_products").token(buyer.token()).json(new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("product_id", id).put("quantity", 2)))).send());
    JsonObject bought = read(buyer.token(), id);
    assertEquals(3, bought.getInteger("quantity"));
    assertEquals(3, bought.getJsonObject("inventory").getInteger("quantity"));

    CatalogFixtures.stock(api, admin(), id, 10);
    assertEquals(13, read(buyer.token(), id).getInteger("quantity"));

    Expect.ok(api.call("PATCH", "update_category").token(admin()).json(new JsonObject().put("category_id", category)
        .put("category_name", "Renamed category " + category)).send());
    assertEquals("Renamed category " + category, read(buyer.token(), id).getString("category_name"));

    JsonObject inUtc = read(buyer.token(), id);
    JsonObject inKarachi = read(server.newCustomer("Asia/Karachi").token(), id);
    assertEquals("+00:00", inUtc.getString("created_at").substring(inUtc.getString("created_at").length() - 6));
    assertEquals("+05:00", inKarachi.getString("created_at").substring(inKarachi.getString("created_at").length() - 6));
    assertEquals(OffsetDateTime.parse(inUtc.getString("updated_at")).toInstant(),
        OffsetDateTime.parse(inKarachi.getString("updated_at")).toInstant());
    assertEquals(inUtc, read(buyer.token(), id));

    Expect.ok(api.call("PATCH", "update_product").token(admin()).json(new JsonObject().put("product_id", id)
        .put("is_active", false)).send());
    Expect.error(api.get("get_product").token(buyer.token()).query("product_id", id).send(), 404,
        "Product does not exist");
    assertEquals(false, read(admin(), id).getBoolean("is_active"));
  }

  private JsonObject read(String token, long id) {
    return Expect.ok(api.get("get_product").token(token).query("product_id", id).send(), "Product retrieved successfully");
  }

  /**
   * Text is stored as sent, whatever it looks like: on SQLite the JDBC client's default parameter
   * encoder turned a UUID-shaped string in the first position of a statement (here the name in
   * the INSERT) into a java.util.UUID, which the driver stored in lower case.
   */
  @Test
  void textShapedLikeAUuidIsStoredAsSent() {
    long category = CatalogFixtures.category(api, admin());
    String name = CatalogFixtures.upperCaseUuidText();
    long id = Expect.ok(create(new JsonObject().put("product_name", name).put("description", name)
        .put("category_id", category).put("price", "1.00"))).getLong("id");
    assertEquals(name, new Sql(server.db()).rows("SELECT product_name FROM products WHERE id = ?", id).get(0)
        .get("product_name"));
    JsonObject read = Expect.ok(api.get("get_product").token(customer()).query("product_id", id).send());
    assertEquals(name, read.getString("product_name"));
    assertEquals(name, read.getString("description"));
  }

  @Test
  void unknownAndForCustomersInactiveProductsDoNotExist() {
    long category = CatalogFixtures.category(api, admin());
    long inactive = CatalogFixtures.product(api, admin(), category, "Retired", "1.00", false);
    Expect.error(api.get("get_product").token(customer()).query("product_id", 987_654_321L).send(), 404,
        "Product does not exist");
    Expect.error(api.get("get_product").token(admin()).query("product_id", 987_654_321L).send(), 404,
        "Product does not exist");
    Expect.error(api.get("get_product").token(customer()).query("product_id", inactive).send(), 404,
        "Product does not exist");
    JsonObject seen = Expect.ok(api.get("get_product").token(admin()).query("product_id", inactive).send());
    assertEquals(false, seen.getBoolean("is_active"));
    Expect.invalid(api.get("get_product").token(customer()).send(), "product_id", "Field required");
    Expect.invalid(api.get("get_product").token(customer()).query("product_id", "x").send(), "product_id",
        "Input should be a valid integer, unable to parse string as an integer");
    Expect.invalid(api.get("get_product").token(customer()).query("product_id", 0).send(), "product_id",
        "Input should be greater than or equal to 1");
  }

  private List<Long> ordered(long category, String orderBy, String order) {
    return ids(Expect.ok(api.get("get_products").token(customer()).query("category_ids", "[" + category + "]")
        .query("order_by", orderBy).query("order", order).send()));
  }

  static List<Long> ids(JsonObject data) {
    return data.getJsonArray("products").stream().map(p -> ((JsonObject) p).getLong("id")).collect(Collectors.toList());
  }
}
