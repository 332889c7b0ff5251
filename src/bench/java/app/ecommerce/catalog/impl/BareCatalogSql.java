package app.ecommerce.catalog.impl;

import app.ecommerce.db.Dialect;

/**
 * The catalog's SQL text exactly as the app builds it, for the bare benchmark server
 * ({@code app.ecommerce.bench.BareServer}). It lives in this package, in src/bench, so that the
 * repositories' package-private constants are referenced, never copied, without becoming API.
 */
public final class BareCatalogSql {
  /** get_products for a customer, no filters, default order (id asc): ProductRepository#page. */
  public static final String PRODUCTS_PAGE = ProductRepository.SELECT + ProductRepository.WHERE_TRUE
      + ProductRepository.AND_ACTIVE + new Page(1, 20, "id", false).orderBy(ProductRepository.ORDER_BY, "p.id")
      + ProductRepository.PAGE;
  /** The total beside that page: ProductRepository#count. */
  public static final String PRODUCTS_COUNT = ProductRepository.COUNT + ProductRepository.WHERE_TRUE
      + ProductRepository.AND_ACTIVE;
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
