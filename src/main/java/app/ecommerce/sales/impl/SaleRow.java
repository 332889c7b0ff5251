package app.ecommerce.sales.impl;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * One row of {@link SalesRepository#ROWS}, its columns in that order, read into fields that the
 * next row overwrites: a page of rows is handed to its reader one row at a time, through one
 * instance, so reading it allocates no object per row or per cell beyond the text cells.
 */
final class SaleRow {
  long id;
  long saleId;
  long userId;
  long createdAt;
  long productId;
  String productName;
  long priceCents;
  long quantity;
  long categoryId;
  String categoryName;
  String categorySlug;

  /** From the reactive client's row (MySQL/MariaDB). */
  SaleRow read(Row r) {
    id = r.getLong(0);
    saleId = r.getLong(1);
    userId = r.getLong(2);
    createdAt = r.getLong(3);
    productId = r.getLong(4);
    productName = r.getString(5);
    priceCents = r.getLong(6);
    quantity = r.getLong(7);
    categoryId = r.getLong(8);
    categoryName = r.getString(9);
    categorySlug = r.getString(10);
    return this;
  }

  /**
   * From a JDBC result set positioned on a row (SQLite); every column is NOT NULL. A product's
   * name and category are read once per statement and then taken from {@code products}: one
   * statement reads one snapshot, so they cannot differ between its rows, and reading three text
   * cells per row cost more than the row's other eight cells (a few dozen products fill a page).
   */
  SaleRow read(ResultSet rs, Map<Long, Product> products) throws SQLException {
    id = rs.getLong(1);
    saleId = rs.getLong(2);
    userId = rs.getLong(3);
    createdAt = rs.getLong(4);
    productId = rs.getLong(5);
    priceCents = rs.getLong(7);
    quantity = rs.getLong(8);
    Product product = products.get(productId);
    if (product == null) {
      product = new Product(rs.getString(6), rs.getLong(9), rs.getString(10), rs.getString(11));
      products.put(productId, product);
    }
    productName = product.name();
    categoryId = product.categoryId();
    categoryName = product.categoryName();
    categorySlug = product.categorySlug();
    return this;
  }

  /** What one statement read of a product, by {@link #read(ResultSet, Map)}. */
  record Product(String name, long categoryId, String categoryName, String categorySlug) {
  }

  /** The keyset cursor after this row ({@link SalesRepository#AFTER}). */
  JsonObject cursor() {
    return new JsonObject().put("created_at", createdAt).put("sale_id", saleId).put("id", id);
  }
}
