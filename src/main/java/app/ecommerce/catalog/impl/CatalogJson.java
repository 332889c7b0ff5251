package app.ecommerce.catalog.impl;

import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.ZoneId;
import java.util.function.ToIntFunction;

/** Rows of the catalog as the API shows them: money as decimal strings, times in the caller's zone. */
final class CatalogJson {
  private CatalogJson() {
  }

  static JsonObject category(Row row, ZoneId zone) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("category_name", row.getString("category_name"))
        .put("category_slug", row.getString("category_slug"))
        .put("created_at", Times.iso(row.getLong("created_at"), zone));
  }

  /** A row of {@link ProductRepository#SELECT}: the product, its stock, its category. */
  static JsonObject product(Row row, ZoneId zone) {
    return product(row, ProductColumns.of(row::getColumnIndex), zone);
  }

  /** Every row of a result of {@link ProductRepository#SELECT}, its columns found once for all. */
  static JsonArray products(RowSet<Row> rows, ZoneId zone) {
    ProductColumns at = ProductColumns.of(rows.columnsNames()::indexOf);
    JsonArray list = new JsonArray();
    for (Row row : rows) {
      list.add(product(row, at, zone));
    }
    return list;
  }

  private static JsonObject product(Row row, ProductColumns at, ZoneId zone) {
    return new JsonObject()
        .put("id", row.getLong(at.id()))
        .put("product_name", row.getString(at.productName()))
        .put("description", row.getString(at.description()))
        .put("category_id", row.getLong(at.categoryId()))
        .put("price", Money.format(row.getLong(at.priceCents())))
        .put("is_active", row.getLong(at.isActive()) == 1L)
        .put("quantity", row.getLong(at.quantity()))
        .put("created_at", Times.iso(row.getLong(at.createdAt()), zone))
        .put("updated_at", Times.iso(row.getLong(at.updatedAt()), zone))
        .put("category_name", row.getString(at.categoryName()))
        .put("category_slug", row.getString(at.categorySlug()));
  }

  /**
   * Where the columns of {@link ProductRepository#SELECT} are in a result, found by name once per
   * result rather than once per cell: a lookup by name scans the row's column names, and on a page
   * of 20 products those scans were 9 % of the event loop's samples (SQLite, JFR), 4 % once per page.
   */
  private record ProductColumns(int id, int productName, int description, int categoryId, int priceCents, int isActive,
                                int quantity, int createdAt, int updatedAt, int categoryName, int categorySlug) {
    /** @param indexOf the index of a column name in the result, or -1 */
    static ProductColumns of(ToIntFunction<String> indexOf) {
      return new ProductColumns(at(indexOf, "id"), at(indexOf, "product_name"), at(indexOf, "description"),
          at(indexOf, "category_id"), at(indexOf, "price_cents"), at(indexOf, "is_active"), at(indexOf, "quantity"),
          at(indexOf, "created_at"), at(indexOf, "updated_at"), at(indexOf, "category_name"),
          at(indexOf, "category_slug"));
    }

    private static int at(ToIntFunction<String> indexOf, String name) {
      int index = indexOf.applyAsInt(name);
      if (index < 0) {
        throw new IllegalStateException("The product query has no column " + name);
      }
      return index;
    }
  }
}
