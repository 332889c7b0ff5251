package app.ecommerce.sales.impl;

import app.ecommerce.db.Database;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds sale items into {@code sales_hour_totals} and {@code sales_day_totals}, in id order, from
 * the durable high-water mark {@code sales_rollup.folded_item_id}. One {@link #step()} is one
 * transaction that reads the mark (locking it, on MariaDB), adds the sums of the next items and
 * moves the mark past them: it commits whole or not at all, so a process killed at any moment
 * and started again neither counts an item twice nor skips one, and nodes that step at the same
 * time queue on the mark's row lock and each fold only what the other did not.
 *
 * <p>An item may only be folded once no item with a smaller id can still appear. SQLite has one
 * writer at a time, so inside the step's write transaction every id up to the largest is
 * committed. On MariaDB ids are handed out before their transactions commit, so the step first
 * takes {@code LOCK TABLES sale_items READ} for an instant: the lock waits for every transaction
 * that wrote sale items to end, and the largest id read under it is safe.
 */
final class SalesRollup {
  /** Items folded per transaction: the SQLite writer is held for tens of milliseconds at most. */
  static final int BATCH_ITEMS = 20_000;
  static final String READ_MARK = "SELECT folded_item_id FROM sales_rollup WHERE id = 1";
  static final String LAST_ITEM = "SELECT COALESCE(MAX(id), 0) FROM sale_items";
  /** Hand-written MariaDB: see the class comment; the wait is bounded, the tables unlocked at once. */
  static final String LOCK_ITEMS = "LOCK TABLES sale_items READ";
  static final String UNLOCK = "UNLOCK TABLES";
  static final String LOCK_WAIT = "SET SESSION lock_wait_timeout = 5";
  /** Per UTC hour and product; the modulo twice keeps instants before 1970 in their own hour. */
  static final String HOUR_SUMS = "SELECT created_at - (((created_at % 3600000000) + 3600000000) % 3600000000)"
      + " AS slot_at, product_id, SUM(quantity), SUM(quantity * price_cents) FROM sale_items"
      + " WHERE id > ? AND id <= ? GROUP BY slot_at, product_id";
  /** %1$s: the table, %2$s: one "(?, ?, ?, ?)" per row. */
  static final String UPSERT_SQLITE = "INSERT INTO %1$s (slot_at, product_id, units, cents) VALUES %2$s"
      + " ON CONFLICT (slot_at, product_id) DO UPDATE SET units = units + excluded.units, cents = cents + excluded.cents";
  static final String UPSERT_MYSQL = "INSERT INTO %1$s (slot_at, product_id, units, cents) VALUES %2$s"
      + " ON DUPLICATE KEY UPDATE units = units + VALUES(units), cents = cents + VALUES(cents)";
  /** Rows per upsert statement: one statement per few hundred slots, not one per slot (15x faster on MariaDB). */
  static final int UPSERT_ROWS = 500;
  static final String ADVANCE = "UPDATE sales_rollup SET folded_item_id = ?, updated_at = ?"
      + " WHERE id = 1 AND folded_item_id = ?";

  /** What one step did: the mark before and after, and the largest item id that was safe to fold. */
  record Step(long from, long to, long last) {
    boolean caughtUp() {
      return to >= last;
    }
  }

  private final Database db;
  private final boolean mysql;

  SalesRollup(Database db) {
    this.db = db;
    this.mysql = db.dialect().name().equals("mysql");
  }

  /** Folds at most {@link #BATCH_ITEMS} item ids past the mark, in one transaction. */
  Future<Step> step() {
    if (!mysql) {
      return db.inTransaction(conn -> conn.query(LAST_ITEM).execute()
          .compose(last -> fold(conn, last.iterator().next().getLong(0))));
    }
    return safeLastItem().compose(last -> db.inTransaction(conn -> fold(conn, last)));
  }

  /** The mark, as the totals now stand. */
  Future<Long> mark() {
    return db.pool().query(READ_MARK).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  private Future<Long> safeLastItem() {
    return db.pool().withConnection(conn -> conn.query(LOCK_WAIT).execute()
        .compose(v -> conn.query(LOCK_ITEMS).execute())
        .compose(locked -> conn.query(LAST_ITEM).execute()
            .eventually(() -> conn.query(UNLOCK).execute()))
        .map(rows -> rows.iterator().next().getLong(0)));
  }

  private Future<Step> fold(SqlConnection conn, long last) {
    return conn.query(READ_MARK + db.dialect().forUpdate()).execute().compose(marks -> {
      long from = marks.iterator().next().getLong(0);
      long to = Math.min(last, from + BATCH_ITEMS);
      if (to <= from) {
        return Future.succeededFuture(new Step(from, from, last));
      }
      return conn.preparedQuery(HOUR_SUMS).execute(Tuple.of(from, to))
          .compose(sums -> add(conn, sums))
          .compose(v -> conn.preparedQuery(ADVANCE).execute(Tuple.of(to, Times.nowMicros(), from)))
          .compose(advanced -> advanced.rowCount() == 1 ? Future.succeededFuture(new Step(from, to, last))
              : Future.failedFuture(new IllegalStateException("The sales totals' mark moved during a fold")));
    });
  }

  /** Adds the hour sums to the hour totals and, summed per UTC day, to the day totals. */
  private Future<Void> add(SqlConnection conn, Iterable<Row> hourSums) {
    List<Tuple> hours = new ArrayList<>();
    Map<List<Long>, long[]> days = new LinkedHashMap<>();
    for (Row r : hourSums) {
      long slot = r.getLong(0);
      long product = r.getLong(1);
      long units = SalesRepository.sum(r.getValue(2)).longValueExact();
      long cents = SalesRepository.sum(r.getValue(3)).longValueExact();
      hours.add(Tuple.of(slot, product, units, cents));
      long[] day = days.computeIfAbsent(List.of(Coverage.floor(slot, Coverage.DAY_MICROS), product), k -> new long[2]);
      day[0] = Math.addExact(day[0], units);
      day[1] = Math.addExact(day[1], cents);
    }
    if (hours.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> dayRows = new ArrayList<>();
    days.forEach((key, sums) -> dayRows.add(Tuple.of(key.get(0), key.get(1), sums[0], sums[1])));
    return upsert(conn, "sales_hour_totals", hours, 0).compose(v -> upsert(conn, "sales_day_totals", dayRows, 0));
  }

  /** Adds {@code rows} from index {@code from} on, {@link #UPSERT_ROWS} per statement. */
  private Future<Void> upsert(SqlConnection conn, String table, List<Tuple> rows, int from) {
    if (from >= rows.size()) {
      return Future.succeededFuture();
    }
    int to = Math.min(rows.size(), from + UPSERT_ROWS);
    Tuple params = Tuple.tuple();
    for (Tuple row : rows.subList(from, to)) {
      for (int i = 0; i < 4; i++) {
        params.addValue(row.getValue(i));
      }
    }
    String sql = String.format(mysql ? UPSERT_MYSQL : UPSERT_SQLITE, table,
        String.join(", ", Collections.nCopies(to - from, "(?, ?, ?, ?)")));
    return conn.preparedQuery(sql).execute(params).compose(done -> upsert(conn, table, rows, to));
  }
}
