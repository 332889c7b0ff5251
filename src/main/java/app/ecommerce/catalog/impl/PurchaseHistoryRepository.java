package app.ecommerce.catalog.impl;

import app.ecommerce.catalog.PurchaseCursor;
import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.List;

/**
 * Reads purchases (sales) and their lines for get_purchases and get_purchase. Every list is in
 * (created_at, id) order, newest first, which an index gives for each access path: one user's
 * purchases (ix_sales_user_created) and all of them, with or without dates (ix_sales_created_at).
 */
final class PurchaseHistoryRepository {
  static final String SELECT = "SELECT id, user_id, total_cents, created_at FROM sales";
  /**
   * Counting stops here: an exact COUNT over hundreds of thousands of sales cost more than the page
   * itself, on every page (docs/benchmarks.md); beyond this many, {@code total} is this number and {@code total_capped} true.
   */
  static final long COUNT_CAP = 1_000;
  static final String COUNT_PREFIX = "SELECT COUNT(*) FROM (SELECT 1 FROM sales";
  static final String COUNT_SUFFIX = " LIMIT " + (COUNT_CAP + 1) + ") capped";
  static final String WHERE_TRUE = " WHERE 1 = 1";
  static final String AND_USER = " AND user_id = ?";
  static final String AND_FROM = " AND created_at >= ?";
  static final String AND_TO = " AND created_at <= ?";
  /** Keyset: strictly after the cursor's purchase in newest-first order. */
  static final String AND_BEFORE = " AND (created_at < ? OR (created_at = ? AND id < ?))";
  static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
  static final String FIND = SELECT + " WHERE id = ?";
  static final String FIND_OWN = SELECT + " WHERE id = ? AND user_id = ?";
  static final String ITEMS = "SELECT si.id, si.sale_id, si.product_id, p.product_name, si.quantity, si.price_cents"
      + " FROM sale_items si JOIN products p ON p.id = si.product_id WHERE si.sale_id IN (%s) ORDER BY si.sale_id, si.id";

  /** Which purchases: one user's (or all: null), an inclusive UTC range (either end open: null), after a cursor. */
  record Filter(Long userId, Long fromMicros, Long toMicros, PurchaseCursor after) {
  }

  private final Database db;

  PurchaseHistoryRepository(Database db) {
    this.db = db;
  }

  Future<RowSet<Row>> page(Filter filter, long limit, long offset) {
    Tuple params = Tuple.tuple();
    String where = where(filter, params, true);
    return db.pool().preparedQuery(SELECT + where + NEWEST_FIRST).execute(params.addLong(limit).addLong(offset));
  }

  /** How many match the filter, the cursor aside, up to COUNT_CAP + 1 (more than the cap). */
  Future<Long> count(Filter filter) {
    Tuple params = Tuple.tuple();
    return db.pool().preparedQuery(COUNT_PREFIX + where(filter, params, false) + COUNT_SUFFIX).execute(params)
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static String where(Filter filter, Tuple params, boolean withCursor) {
    StringBuilder where = new StringBuilder(WHERE_TRUE);
    if (filter.userId() != null) {
      where.append(AND_USER);
      params.addLong(filter.userId());
    }
    if (filter.fromMicros() != null) {
      where.append(AND_FROM);
      params.addLong(filter.fromMicros());
    }
    if (filter.toMicros() != null) {
      where.append(AND_TO);
      params.addLong(filter.toMicros());
    }
    if (withCursor && filter.after() != null) {
      where.append(AND_BEFORE);
      params.addLong(filter.after().createdAt()).addLong(filter.after().createdAt()).addLong(filter.after().id());
    }
    return where.toString();
  }

  /** One purchase; a customer's lookup also names the owner, so another's purchase is simply not found. */
  Future<Row> find(long id, Long ownerId) {
    Future<RowSet<Row>> rows = ownerId == null ? db.pool().preparedQuery(FIND).execute(Tuple.of(id))
        : db.pool().preparedQuery(FIND_OWN).execute(Tuple.of(id, ownerId));
    return rows.map(found -> found.size() == 0 ? null : found.iterator().next());
  }

  /** The lines of these purchases, by purchase and line id. */
  Future<RowSet<Row>> items(List<Long> saleIds) {
    String sql = String.format(ITEMS, String.join(", ", Collections.nCopies(saleIds.size(), "?")));
    return db.pool().preparedQuery(sql).execute(Tuple.wrap(new java.util.ArrayList<Object>(saleIds)));
  }
}
