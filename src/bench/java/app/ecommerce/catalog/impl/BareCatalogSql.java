package app.ecommerce.catalog.impl;

import app.ecommerce.db.Dialect;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * The catalog's SQL text exactly as the app builds it, for the bare benchmark server
 * ({@code app.ecommerce.bench.BareServer}). It lives in this package, in src/bench, so that the
 * repositories' package-private constants are referenced, never copied, without becoming API.
 */
public final class BareCatalogSql {
  private static final ProductFilter CUSTOMER_ALL = new ProductFilter(new JsonArray(), null, null, false, List.of(),
      List.of(), false);

  /**
   * get_products for a customer, no filters, in {@code orderBy} (id, price, ...), from an offset:
   * ProductRepository#page. Parameters: the limit and the offset.
   */
  public static String productsPage(Dialect dialect, String orderBy, boolean descending) {
    return new ProductQuery(dialect).page(CUSTOMER_ALL, orderBy, descending, null, 0, 0).text();
  }

  /** The total beside that page: ProductRepository#count (no parameters). */
  public static String productsCount(Dialect dialect) {
    return new ProductQuery(dialect).count(CUSTOMER_ALL).text();
  }
  /** get_product for a customer: ProductRepository#find. */
  public static final String PRODUCT = ProductRepository.FIND_ACTIVE;
  public static final String TAKE_STOCK = InventoryRepository.TAKE;
  public static final String INSERT_MOVEMENT = InventoryRepository.INSERT_MOVEMENT;
  public static final String INSERT_SALE = SaleRepository.INSERT_SALE;
  public static final String INSERT_ITEM = SaleRepository.INSERT_ITEM;

  private BareCatalogSql() {
  }

  /** PurchaseService's lock-and-read of the products of a purchase with one distinct product. */
  public static String lockOneProduct(Dialect dialect) {
    return String.format(PurchaseService.LOCK_PRODUCTS, "?") + dialect.forUpdate();
  }
}
