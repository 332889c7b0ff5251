package app.ecommerce.catalog;

import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.Access;
import app.ecommerce.http.ApiRequest;
import app.ecommerce.http.Endpoint;
import app.ecommerce.http.Reply;
import app.ecommerce.http.RouteModule;
import app.ecommerce.http.Schemas;
import app.ecommerce.http.input.Field;
import app.ecommerce.http.input.Pagination;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The catalog endpoints (API.md §3.4–3.11). */
public final class CatalogRoutes implements RouteModule {
  public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
  private static final long MAX_ID = Long.MAX_VALUE;

  static final List<Field> CREATE_CATEGORY = List.of(
      Field.string("category_name", 3, 50),
      Field.string("category_slug", 3, 50)
          .pattern(SLUG_PATTERN, "String should match pattern '" + SLUG_PATTERN + "'")
          .describedAs("Lower-case words joined by single dashes; unique"));
  static final List<Field> CREATE_PRODUCT = List.of(
      Field.string("product_name", 3, 50),
      Field.string("description", 0, 1000).nullable().defaultsTo(null),
      Field.integer("category_id", 1, MAX_ID),
      Field.money("price", "99999999.99").describedAs("Decimal string or number, > 0, at most 2 decimals"),
      Field.bool("is_active").defaultsTo(true));
  static final List<Field> LIST_CATEGORIES = Pagination.fields("id", "category_name", "category_slug", "created_at");
  static final List<Field> LIST_PRODUCTS = productListFields();
  static final String AFTER_NEEDS_ITS_ORDER = "Value error, after pages the order it came from: send it with the same"
      + " order_by (a search ranked by relevance, q without order_by, pages with page)";
  static final String PRICE_ORDER = "Value error, max_price must not be below min_price";
  static final String TOO_MANY_WORDS = "Value error, at most " + ProductSearch.MAX_WORDS + " words";
  static final List<Field> GET_PRODUCT = List.of(Field.integer("product_id", 1, MAX_ID));
  static final List<Field> LOW_STOCK = Stream.concat(Stream.of(
      Field.integer("quantity_threshold", 0, 1_000_000_000).defaultsTo(10L)), Pagination.pageOnly().stream()).toList();
  static final List<Field> ADD_INVENTORY = List.of(
      Field.integer("product_id", 1, MAX_ID),
      Field.integer("quantity", 1, 1_000_000));
  static final List<Field> PURCHASE = List.of(
      Field.objectList("items", 1, 100,
          Field.integer("product_id", 1, MAX_ID),
          Field.integer("quantity", 1, 10_000)));

  static final List<Field> UPDATE_PRODUCT = List.of(
      Field.integer("product_id", 1, MAX_ID),
      Field.string("product_name", 3, 50).absentMeansUnchanged(),
      Field.string("description", 0, 1000).nullable().absentMeansUnchanged(),
      Field.integer("category_id", 1, MAX_ID).absentMeansUnchanged(),
      Field.money("price", "99999999.99").absentMeansUnchanged()
          .describedAs("Decimal string or number, > 0, at most 2 decimals; past sales keep their price"),
      Field.bool("is_active").absentMeansUnchanged()
          .describedAs("false hides the product from customers at once; purchases of it fail with product_inactive"));
  static final List<Field> UPDATE_CATEGORY = List.of(
      Field.integer("category_id", 1, MAX_ID),
      Field.string("category_name", 3, 50).absentMeansUnchanged(),
      Field.string("category_slug", 3, 50).absentMeansUnchanged()
          .pattern(SLUG_PATTERN, "String should match pattern '" + SLUG_PATTERN + "'")
          .describedAs("Lower-case words joined by single dashes; unique"));
  static final List<Field> DELETE_CATEGORY = List.of(Field.integer("category_id", 1, MAX_ID));

  static final List<Field> ADJUST_INVENTORY = List.of(
      Field.integer("product_id", 1, MAX_ID),
      Field.integer("change", -1_000_000, 1_000_000).describedAs("Non-zero: negative for write-offs and counts"),
      Field.string("note", 1, 200).describedAs("Why: kept in the ledger"));
  static final String ZERO_CHANGE = "Value error, change must not be 0";
  static final List<Field> MOVEMENTS = Stream.concat(Stream.of(Field.integer("product_id", 1, MAX_ID)),
      Pagination.pageOnly().stream()).toList();

  /** get_purchases pages by offset this deep at most; further on, {@code after} (keyset) pages at constant cost. */
  static final long MAX_PURCHASE_PAGE = 1000;
  static final String NOT_A_CURSOR = "Value error, not a cursor: send the next_cursor of the previous page";
  static final List<Field> LIST_PURCHASES = Stream.concat(Stream.of(
      Field.integer("page", 1, MAX_PURCHASE_PAGE).defaultsTo(1L)
          .describedAs("At most " + MAX_PURCHASE_PAGE + " (a bounded offset); deeper, page with after"),
      Field.integer("per_page", 1, Pagination.MAX_PER_PAGE).defaultsTo(10L)), Stream.of(
      Field.string("after", 3, 41).pattern(PurchaseCursor.PATTERN, NOT_A_CURSOR).optional()
          .describedAs("The next_cursor of the previous page: the page after it, at constant cost (page is then ignored)"),
      Field.integer("user_id", 1, MAX_ID).optional().describedAs("Admins only: one user's purchases"),
      Field.dateTime("start_date").optional().describedAs("Admins only: from this date or date-time, inclusive;"
          + " naive values in the caller's zone"),
      Field.dateTime("end_date").optional().describedAs("Admins only: to this date (its whole day) or date-time,"
          + " inclusive"))).toList();
  static final List<Field> GET_PURCHASE = List.of(Field.integer("purchase_id", 1, MAX_ID)
      .describedAs("The id purchase_products answered"));

  private final ServiceClient services;

  /**
   * Pagination, but {@code order_by} has no default: a search without one is ranked by relevance,
   * anything else is listed by id.
   */
  private static List<Field> productListFields() {
    List<Field> fields = new ArrayList<>();
    for (Field f : Pagination.fieldsWith(List.of(
        Field.integerList("category_ids", 1, MAX_ID, 100).defaultsTo(List.of())
            .describedAs("Only products of these categories; a JSON list, repeated keys or 1,2,3"),
        Field.bool("include_inactive").defaultsTo(false).describedAs("Admins only; ignored for customers"),
        Field.string("q", 1, 200).optional().describedAs("Search: every word (at most " + ProductSearch.MAX_WORDS
            + ") must start a word of the name or description, ignoring case and accents; taken as text, so %, _"
            + " and \\ match themselves. Ranked by relevance unless order_by is given: products with a word of q in"
            + " their name first, then those matching through their description only, each group by id"),
        Field.money("min_price", "99999999.99").optional().describedAs("Only products priced at least this"),
        Field.money("max_price", "99999999.99").optional().describedAs("Only products priced at most this"),
        Field.bool("in_stock").defaultsTo(false).describedAs("true: only products with stock > 0; false: all"),
        Field.string("after", 4, ProductCursor.MAX_LENGTH).pattern(ProductCursor.PATTERN, NOT_A_CURSOR).optional()
            .describedAs("The next_cursor of the previous page, with the same order_by: the page after it, at"
                + " constant cost (page is then ignored). Every order_by; relevance (q without order_by) pages with"
                + " page")),
        "id", "product_name", "price", "quantity", "created_at")) {
      fields.add(f.name().equals("order_by") ? f.defaultsTo(null)
          .describedAs("Default: relevance when q is given, else id") : f);
    }
    return List.copyOf(fields);
  }

  /** A cursor this service made: the pattern aside, its numbers must fit. */
  static Map<String, String> purchaseListChecks(JsonObject in) {
    String after = in.getString("after");
    return after == null || PurchaseCursor.decode(after).isPresent() ? Map.of() : Map.of("after", NOT_A_CURSOR);
  }

  /** max_price at least min_price; q of at most MAX_WORDS words; after only a cursor of ours, in its own order. */
  static Map<String, String> productListChecks(JsonObject in) {
    String after = in.getString("after");
    if (after != null) {
      var cursor = ProductCursor.decode(after);
      if (cursor.isEmpty()) {
        return Map.of("after", NOT_A_CURSOR);
      }
      if (!cursor.get().orderBy().equals(ProductCursor.orderOf(in))) {
        return Map.of("after", AFTER_NEEDS_ITS_ORDER);
      }
    }
    Long min = in.getLong("min_price");
    Long max = in.getLong("max_price");
    if (min != null && max != null && max < min) {
      return Map.of("max_price", PRICE_ORDER);
    }
    String q = in.getString("q");
    if (q != null && ProductSearch.words(q).size() > ProductSearch.MAX_WORDS) {
      return Map.of("q", TOO_MANY_WORDS);
    }
    return Map.of();
  }

  public CatalogRoutes(ServiceClient services) {
    this.services = services;
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(
        Endpoint.of(HttpMethod.PUT, "create_category", Access.ADMIN, "Create a category",
            "Category created successfully", CREATE_CATEGORY, Endpoint.forwardTo(services, CatalogContract.CREATE_CATEGORY))
            .answering(Schemas.ref("Category"))
            .idempotent()
            .withOutcome(422, "Category with this slug already exists"),
        Endpoint.of(HttpMethod.PUT, "create_product", Access.ADMIN, "Create a product (stock 0)",
            "Product created successfully", CREATE_PRODUCT, Endpoint.forwardTo(services, CatalogContract.CREATE_PRODUCT))
            .answering(Schemas.ref("NewProduct"))
            .idempotent()
            .withOutcome(404, "Category not found"),
        Endpoint.of(HttpMethod.GET, "get_categories", Access.OPTIONAL, "List categories",
            "Categories fetched successfully", LIST_CATEGORIES, Endpoint.forwardTo(services, CatalogContract.LIST_CATEGORIES))
            .answering(CatalogSchemas.CATEGORY_PAGE),
        Endpoint.of(HttpMethod.GET, "get_products", Access.OPTIONAL, "List products with their stock",
            "Products fetched successfully", LIST_PRODUCTS, Endpoint.forwardTo(services, CatalogContract.LIST_PRODUCTS))
            .answering(CatalogSchemas.PRODUCT_PAGE)
            .withChecks(List.of(CatalogRoutes::productListChecks)),
        Endpoint.of(HttpMethod.GET, "get_product", Access.OPTIONAL, "One product with its stock",
            "Product retrieved successfully", GET_PRODUCT,
            Endpoint.forwardEncodedTo(services, CatalogContract.GET_PRODUCT))
            .answering(Schemas.ref("ProductWithInventory"))
            .withOutcome(404, "Product does not exist (or is inactive, for a customer)"),
        Endpoint.of(HttpMethod.GET, "get_low_stock_products", Access.ADMIN,
            "Active products whose stock is at or below a threshold, lowest first",
            "Low Stock Products retrieved successfully", LOW_STOCK, Endpoint.forwardTo(services, CatalogContract.LOW_STOCK))
            .answering(CatalogSchemas.LOW_STOCK_PAGE),
        Endpoint.of(HttpMethod.PUT, "add_inventory", Access.ADMIN, "Add stock to a product (atomic, ledgered)",
            "Inventory added successfully", ADD_INVENTORY, Endpoint.forwardTo(services, CatalogContract.ADD_INVENTORY))
            .answering(CatalogSchemas.STOCK_CHANGE)
            .idempotent()
            .withOutcome(404, "Product does not exist"),
        Endpoint.of(HttpMethod.PATCH, "update_product", Access.ADMIN,
            "Change any of a product's fields; the others stay", "Product updated successfully", UPDATE_PRODUCT,
            Endpoint.forwardTo(services, CatalogContract.UPDATE_PRODUCT))
            .answering(Schemas.ref("ProductWithInventory"))
            .idempotent()
            .withOutcome(404, "Product does not exist, or Category not found"),
        Endpoint.of(HttpMethod.PATCH, "update_category", Access.ADMIN, "Rename a category or change its slug",
            "Category updated successfully", UPDATE_CATEGORY, Endpoint.forwardTo(services, CatalogContract.UPDATE_CATEGORY))
            .answering(Schemas.ref("Category"))
            .idempotent()
            .withOutcome(404, "Category not found")
            .withOutcome(422, "Category with this slug already exists"),
        Endpoint.of(HttpMethod.DELETE, "delete_category", Access.ADMIN, "Delete a category that no product references",
            "Category deleted successfully", DELETE_CATEGORY, Endpoint.forwardTo(services, CatalogContract.DELETE_CATEGORY))
            .answering(Schemas.object("id", Schemas.id()))
            .idempotent()
            .withOutcome(404, "Category not found")
            .withOutcome(409, "Category has products"),
        Endpoint.of(HttpMethod.PUT, "adjust_inventory", Access.ADMIN,
            "Correct the stock up or down (write-off, count), never below zero; ledgered with its note",
            "Inventory adjusted successfully", ADJUST_INVENTORY, Endpoint.forwardTo(services, CatalogContract.ADJUST_INVENTORY))
            .answering(CatalogSchemas.ADJUSTMENT)
            .withData(409, CatalogSchemas.conflict(CatalogSchemas.INSUFFICIENT_STOCK))
            .idempotent()
            .withChecks(List.of(in -> in.getLong("change") == 0 ? Map.of("change", ZERO_CHANGE) : Map.of()))
            .withOutcome(404, "Product does not exist")
            .withOutcome(409, "insufficient_stock: the stock would fall below zero (data.quantity is the stock)"),
        Endpoint.of(HttpMethod.GET, "get_inventory_movements", Access.ADMIN,
            "A product's stock ledger, newest first: restock, sale and adjustment, with who and when",
            "Inventory movements retrieved successfully", MOVEMENTS, Endpoint.forwardTo(services, CatalogContract.MOVEMENTS))
            .answering(CatalogSchemas.MOVEMENT_PAGE)
            .withOutcome(404, "Product does not exist"),
        Endpoint.of(HttpMethod.GET, "get_purchases", Access.SIGNED_IN,
            "Purchases, newest first: a customer's own; an admin's choice of all, one user's, between dates",
            "Purchases retrieved successfully", LIST_PURCHASES, Endpoint.forwardTo(services, CatalogContract.LIST_PURCHASES))
            .answering(CatalogSchemas.PURCHASE_PAGE)
            .withChecks(List.of(CatalogRoutes::purchaseListChecks)),
        Endpoint.of(HttpMethod.GET, "get_purchase", Access.SIGNED_IN, "One purchase with its lines",
            "Purchase retrieved successfully", GET_PURCHASE, Endpoint.forwardTo(services, CatalogContract.GET_PURCHASE))
            .answering(Schemas.ref("Purchase"))
            .withOutcome(404, "Purchase not found (also another customer's purchase: its existence is not confirmed)"),
        Endpoint.of(HttpMethod.POST, "purchase_products", Access.SIGNED_IN,
            "Buy 1..100 lines in one transaction; optional Idempotency-Key header",
            "Products purchased successfully", PURCHASE, this::purchase)
            .answering(CatalogSchemas.SALE)
            .withData(409, CatalogSchemas.conflict(CatalogSchemas.NOTHING_PURCHASED))
            .idempotent()
            .withOutcome(409, "No line could be purchased (data.failed_items says why)"));
  }

  @Override
  public Map<String, JsonObject> schemas() {
    return CatalogSchemas.named();
  }

  /** The service answers the whole outcome (200 or 409) so that a replay repeats it exactly. */
  private Future<Reply> purchase(ApiRequest request) {
    return services.request(CatalogContract.PURCHASE, request.serviceBody(), request.requestId())
        .map(outcome -> Reply.of(outcome.getInteger("status_code"), outcome.getString("message"),
            outcome.getJsonObject("data")));
  }
}
