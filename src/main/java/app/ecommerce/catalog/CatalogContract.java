package app.ecommerce.catalog;

/**
 * The catalog service on the event bus: categories, products, stock and purchases. Request
 * bodies are the validated API input plus {@code caller} (the Caller JSON); replies are the
 * envelope's {@code data} (as a JsonObject; {@link #GET_PRODUCT}'s already encoded, as a Buffer
 * holding one JSON object). Failures are {@link io.vertx.serviceproxy.ServiceException}s whose
 * code is the HTTP status (404 unknown product or category, 422 duplicate slug, 409 nothing
 * purchasable, idempotency conflict or a category that still has products, 503 database
 * unavailable). Update bodies carry only the fields the client sent.
 */
public final class CatalogContract {
  public static final String CREATE_CATEGORY = "catalog.create_category";
  public static final String LIST_CATEGORIES = "catalog.list_categories";
  public static final String CREATE_PRODUCT = "catalog.create_product";
  public static final String LIST_PRODUCTS = "catalog.list_products";
  /** Answers the product's {@code data} encoded (a Buffer), as the same bytes while its row is unchanged. */
  public static final String GET_PRODUCT = "catalog.get_product";
  public static final String LOW_STOCK = "catalog.low_stock";
  public static final String ADD_INVENTORY = "catalog.add_inventory";
  public static final String PURCHASE = "catalog.purchase";
  public static final String UPDATE_PRODUCT = "catalog.update_product";
  public static final String UPDATE_CATEGORY = "catalog.update_category";
  public static final String DELETE_CATEGORY = "catalog.delete_category";
  public static final String ADJUST_INVENTORY = "catalog.adjust_inventory";
  public static final String MOVEMENTS = "catalog.inventory_movements";
  public static final String LIST_PURCHASES = "catalog.list_purchases";
  public static final String GET_PURCHASE = "catalog.get_purchase";
  /** {} → {} when the catalog service and its database answer (readiness). */
  public static final String PING = "catalog.ping";

  private CatalogContract() {
  }
}
