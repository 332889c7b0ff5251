package app.ecommerce.catalog.impl;

import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;

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

  /**
   * A row of {@link ProductRepository#SELECT} as one product's answer: the product, its category
   * and its stock as {@code inventory: {quantity, updated_at}}.
   */
  static JsonObject productWithInventory(ProductRow row, ZoneId zone) {
    return product(row, zone).put("inventory", new JsonObject()
        .put("quantity", row.quantity())
        .put("updated_at", Times.iso(row.stockUpdatedAt(), zone)));
  }

  /** The values of a row of {@link ProductRepository#SELECT} that its answer shows. */
  static ProductRow productRow(Row row) {
    return productRow(row, ProductColumns.of(row.size(), row::getColumnName));
  }

  /** Every row of a result of {@link ProductRepository#SELECT}. */
  static JsonArray products(RowSet<Row> rows, ZoneId zone) {
    return products(rows, zone, Long.MAX_VALUE);
  }

  /** The first {@code limit} rows only (a page read one row further to know whether another follows). */
  static JsonArray products(RowSet<Row> rows, ZoneId zone, long limit) {
    List<String> names = rows.columnsNames();
    ProductColumns at = ProductColumns.of(names.size(), names::get);
    JsonArray list = new JsonArray();
    for (Row row : rows) {
      if (list.size() == limit) {
        break;
      }
      list.add(product(productRow(row, at), zone));
    }
    return list;
  }

  private static ProductRow productRow(Row row, ProductColumns at) {
    return new ProductRow(row.getLong(at.id()), row.getString(at.productName()), row.getString(at.description()),
        row.getLong(at.categoryId()), row.getLong(at.priceCents()), row.getLong(at.isActive()) == 1L,
        row.getLong(at.quantity()), row.getLong(at.stockUpdatedAt()), row.getLong(at.createdAt()),
        row.getLong(at.updatedAt()), row.getString(at.categoryName()), row.getString(at.categorySlug()));
  }

  private static JsonObject product(ProductRow row, ZoneId zone) {
    return new JsonObject()
        .put("id", row.id())
        .put("product_name", row.productName())
        .put("description", row.description())
        .put("category_id", row.categoryId())
        .put("price", Money.format(row.priceCents()))
        .put("is_active", row.active())
        .put("quantity", row.quantity())
        .put("created_at", Times.iso(row.createdAt(), zone))
        .put("updated_at", Times.iso(row.updatedAt(), zone))
        .put("category_name", row.categoryName())
        .put("category_slug", row.categorySlug());
  }

  /**
   * The values of one product row that its answer is made of, as read: two equal rows render
   * equally in the same zone ({@link ProductAnswers} relies on it).
   */
  record ProductRow(long id, String productName, String description, long categoryId, long priceCents,
                    boolean active, long quantity, long stockUpdatedAt, long createdAt, long updatedAt,
                    String categoryName, String categorySlug) {
  }

  /**
   * Where the columns of {@link ProductRepository#SELECT} are in a result. A lookup by name costs
   * a scan, and on MySQL a hash of every column name of each new result, for every cell
   * (docs/benchmarks.md). The columns come back in the same order every time,
   * so the positions found last are kept and reused while a result's names are the same.
   */
  private record ProductColumns(List<String> names, int id, int productName, int description, int categoryId,
                                int priceCents, int isActive, int quantity, int stockUpdatedAt, int createdAt,
                                int updatedAt, int categoryName, int categorySlug) {
    /** The positions found for the last layout read, by any event loop (a new layout replaces it). */
    private static volatile ProductColumns last;

    /** @param nameAt the name of the column at a position of the result, 0 ≤ position < count */
    static ProductColumns of(int count, IntFunction<String> nameAt) {
      ProductColumns known = last;
      if (known != null && known.sameNames(count, nameAt)) {
        return known;
      }
      String[] read = new String[count];
      for (int i = 0; i < count; i++) {
        read[i] = nameAt.apply(i);
      }
      List<String> names = List.of(read);
      ProductColumns found = new ProductColumns(names, at(names, "id"), at(names, "product_name"),
          at(names, "description"), at(names, "category_id"), at(names, "price_cents"), at(names, "is_active"),
          at(names, "quantity"), at(names, "stock_updated_at"), at(names, "created_at"), at(names, "updated_at"),
          at(names, "category_name"), at(names, "category_slug"));
      last = found;
      return found;
    }

    private boolean sameNames(int count, IntFunction<String> nameAt) {
      if (count != names.size()) {
        return false;
      }
      for (int i = 0; i < count; i++) {
        if (!names.get(i).equals(nameAt.apply(i))) {
          return false;
        }
      }
      return true;
    }

    private static int at(List<String> names, String name) {
      int index = names.indexOf(name);
      if (index < 0) {
        throw new IllegalStateException("The product query has no column " + name);
      }
      return index;
    }
  }
}
