package app.ecommerce.sales.impl;

import app.ecommerce.db.Database;
import app.ecommerce.sales.SalesQuery;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.jdbcclient.impl.ConnectionImpl;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import io.vertx.sqlclient.internal.SqlConnectionInternal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The read side of sales. Sums are computed by the database over the covering index
 * {@code ix_sale_items_analytics} (integers only: units and cents); sale rows are read in
 * (created_at, sale_id, id) order along {@code ix_sale_items_keyset}, page by page.
 */
final class SalesRepository {
  static final String RANGE = " WHERE si.created_at BETWEEN ? AND ?";
  static final String BY_PRODUCTS = " AND %s IN (%s)";
  static final String BY_CATEGORIES = " AND %s IN (SELECT id FROM products WHERE category_id IN (%s))";
  /**
   * The answer's sums with the product's and category's names joined on the few grouped rows only:
   * {product_id, period, units, cents, product_name, category_id, category_name, category_slug}.
   * %1$s: the sums per product and period ({@link #ROW_SUMS}), or the {@code UNION ALL} of the
   * totals' and the uncovered rows' sums, where one product and period may come from several
   * branches: the caller adds those up (a few hundred rows; summing them again in SQL cost the
   * database a temporary table and a sort per answer). %2$s is STRAIGHT_JOIN on MariaDB, whose
   * "split materialization" would otherwise run the grouping once per product through the
   * non-covering product index (ten times slower).
   */
  static final String TOTALS = "SELECT %2$st.product_id, t.period, t.units, t.cents, p.product_name, p.category_id,"
      + " c.category_name, c.category_slug FROM (%1$s) t"
      + " JOIN products p ON p.id = t.product_id JOIN categories c ON c.id = p.category_id";
  /**
   * Sums of sale rows: %1$s the period expression, %2$s the condition, %3$s the period's GROUP BY
   * term, %4$s an index hint ({@link #BY_ID_SQLITE}, {@link #BY_ID_MYSQL}) or nothing.
   */
  static final String ROW_SUMS = "SELECT si.product_id, %1$s AS period, SUM(si.quantity) AS units,"
      + " SUM(si.quantity * si.price_cents) AS cents FROM sale_items si%4$s WHERE %2$s GROUP BY si.product_id%3$s";
  /** Sums of totals slots: %1$s the period expression, %2$s the table, %3$s the condition, %4$s GROUP BY term. */
  static final String SLOT_SUMS = "SELECT t.product_id, %1$s AS period, SUM(t.units) AS units,"
      + " SUM(t.cents) AS cents FROM %2$s t WHERE %3$s GROUP BY t.product_id%4$s";
  /**
   * The rows above the mark are found by id (a short range at the end of the table), never through
   * the created_at index, which both engines prefer and which would visit every row of the range.
   */
  static final String BY_ID_SQLITE = " NOT INDEXED";
  static final String BY_ID_MYSQL = " FORCE INDEX (PRIMARY)";
  /** The sale rows the totals do not hold yet, read in the same statement (snapshot) as the totals. */
  static final String UNFOLDED = "si.id > (SELECT folded_item_id FROM sales_rollup WHERE id = 1)";
  static final String COUNT = "SELECT COUNT(*) FROM sale_items si" + RANGE + "%s";
  static final String FIRST_AT = "SELECT created_at FROM sale_items WHERE created_at >= ? ORDER BY created_at LIMIT 1";
  static final String LAST_AT = "SELECT created_at FROM sale_items WHERE created_at <= ? ORDER BY created_at DESC LIMIT 1";
  /**
   * %1$s: join-order hint, %2$s: keyset index hint, %3$s: primary-key hint, %4$s: filter, %5$s:
   * keyset condition. On MariaDB the hints are needed: left alone it joins the tiny categories
   * table through a join buffer, which loses the index order and sorts the whole remaining range
   * for every page (quadratic over an export).
   */
  static final String ROWS = "SELECT %1$ssi.id, si.sale_id, s.user_id, si.created_at, si.product_id, p.product_name,"
      + " si.price_cents, si.quantity, p.category_id, c.category_name, c.category_slug"
      + " FROM sale_items si%2$s JOIN sales s%3$s ON s.id = si.sale_id JOIN products p%3$s ON p.id = si.product_id"
      + " JOIN categories c%3$s ON c.id = p.category_id" + RANGE + "%4$s%5$s"
      + " ORDER BY si.created_at, si.sale_id, si.id LIMIT ?";
  static final String AFTER = " AND (si.created_at > ? OR si.sale_id > ? OR (si.sale_id = ? AND si.id > ?))";
  /** Above this many CASE branches the period expression is built for the data's span only. */
  private static final int MAX_TERMS_WITHOUT_BOUNDS = 128;
  /**
   * Above this many ranges (many periods whose starts are not whole UTC hours, e.g. a year by day
   * in +05:45) the answer scans the sale rows instead of naming every range in the SQL.
   */
  static final int MAX_COVERAGE_RANGES = 96;

  private final Database db;
  private final boolean mysql;

  SalesRepository(Database db) {
    this.db = db;
    this.mysql = db.dialect().name().equals("mysql");
  }

  /**
   * Runs {@code work} on one connection inside one read transaction, so that the sums and the
   * rows of one answer come from the same snapshot (InnoDB REPEATABLE READ; a SQLite read
   * transaction in WAL mode), on the reports' own pool ({@link Database#analytics()}). Never takes
   * the SQLite writer lock.
   */
  <T> Future<T> snapshot(Function<SqlConnection, Future<T>> work) {
    if (mysql) {
      return db.analytics().withTransaction(work);
    }
    return db.analytics().withConnection(conn -> conn.query("BEGIN").execute()
        .compose(begun -> work.apply(conn).compose(
            result -> conn.query("COMMIT").execute().map(result),
            failure -> conn.query("ROLLBACK").execute().transform(done -> Future.<T>failedFuture(failure)))));
  }

  Future<Long> count(SqlClient client, SalesQuery q) {
    Tuple params = range(q);
    return client.preparedQuery(String.format(COUNT, filter(q, params))).execute(params)
        .map(rows -> exact(rows.iterator().next().getValue(0)));
  }

  /**
   * Per product, and per period when {@code periods} is not null (see {@link #TOTALS} for the
   * columns; one product and period may come in several rows, to be added up): the pre-aggregated totals of the whole hours and days of the range plus the sale
   * rows they do not cover (see {@link Coverage}). A period expression that would be large (a long
   * range in a zone with DST, or thousands of months) is built for the span of the data actually
   * in the range, found first.
   */
  Future<RowSet<Row>> totals(SqlClient client, SalesQuery q, Periods periods) {
    return totals(client, q, periods, true);
  }

  /**
   * The same sums read from the sale rows alone: the path of answers whose ranges would be too many
   * to name, and the reference the totals are tested against.
   */
  Future<RowSet<Row>> scannedTotals(SqlClient client, SalesQuery q, Periods periods) {
    return totals(client, q, periods, false);
  }

  private Future<RowSet<Row>> totals(SqlClient client, SalesQuery q, Periods periods, boolean folded) {
    if (periods == null || periods.sqlTerms(q.startMicros(), q.endMicros()) <= MAX_TERMS_WITHOUT_BOUNDS) {
      return totals(client, q, periods, q.startMicros(), q.endMicros(), folded);
    }
    return dataBounds(client, q.startMicros(), q.endMicros()).compose(bounds -> bounds == null
        ? totals(client, q, null, 1, 0, false)
        : totals(client, q, periods, bounds[0], bounds[1], folded));
  }

  /** The sums over [from, to], a part of the query's range holding all of its sales. */
  private Future<RowSet<Row>> totals(SqlClient client, SalesQuery q, Periods periods, long from, long to,
                                     boolean folded) {
    Tuple params = Tuple.tuple();
    Coverage coverage = !folded || from > to ? null
        : Coverage.of(from, to, periods == null ? new long[0] : periods.cuts(from, to));
    String sums = coverage == null || coverage.size() > MAX_COVERAGE_RANGES
        ? rowSums(q, periods, from, to, "si.created_at BETWEEN " + from + " AND " + to, "", params)
        : combined(q, periods, from, to, coverage, params);
    return client.preparedQuery(String.format(TOTALS, sums, mysql ? "STRAIGHT_JOIN " : "")).execute(params);
  }

  /** The UNION ALL of the totals' slots, the rows of the edges and the rows not folded yet. */
  private String combined(SalesQuery q, Periods periods, long from, long to, Coverage coverage, Tuple params) {
    List<String> branches = new ArrayList<>();
    if (!coverage.scan.isEmpty()) {
      branches.add(rowSums(q, periods, from, to, anyOf("si.created_at", coverage.scan), "", params));
    }
    List<Coverage.Range> folded = new ArrayList<>(coverage.hours);
    folded.addAll(coverage.days);
    if (!folded.isEmpty()) {
      branches.add(rowSums(q, periods, from, to, UNFOLDED + " AND " + anyOf("si.created_at", folded),
          mysql ? BY_ID_MYSQL : BY_ID_SQLITE, params));
    }
    slotSums(q, periods, from, to, "sales_hour_totals", coverage.hours, params, branches);
    slotSums(q, periods, from, to, "sales_day_totals", coverage.days, params, branches);
    return String.join(" UNION ALL ", branches);
  }

  private void slotSums(SalesQuery q, Periods periods, long from, long to, String table, List<Coverage.Range> slots,
                        Tuple params, List<String> branches) {
    if (!slots.isEmpty()) {
      String condition = anyOf("t.slot_at", slots) + filter(q, "t.product_id", params);
      branches.add(String.format(SLOT_SUMS, period(periods, "t.slot_at", from, to), table, condition, groupBy(periods)));
    }
  }

  private String rowSums(SalesQuery q, Periods periods, long from, long to, String condition, String hint,
                         Tuple params) {
    return String.format(ROW_SUMS, period(periods, "si.created_at", from, to),
        condition + filter(q, "si.product_id", params), groupBy(periods), hint);
  }

  private String period(Periods periods, String column, long from, long to) {
    return periods == null ? "0" : periods.indexSql(db.dialect(), column, from, to);
  }

  private static String groupBy(Periods periods) {
    return periods == null ? "" : ", period";
  }

  /** {@code (column BETWEEN a AND b OR ...)}: the bounds are computed instants, never user text. */
  private static String anyOf(String column, List<Coverage.Range> ranges) {
    StringBuilder sql = new StringBuilder("(");
    for (Coverage.Range r : ranges) {
      sql.append(sql.length() > 1 ? " OR " : "").append(column).append(" BETWEEN ").append(r.from()).append(" AND ")
          .append(r.to());
    }
    return sql.append(')').toString();
  }

  /**
   * The first and last sale instants inside [from, to], or null when there are none: the period
   * expression then only needs the zone's transitions and the period starts between them.
   */
  private Future<long[]> dataBounds(SqlClient client, long from, long to) {
    return client.preparedQuery(FIRST_AT).execute(Tuple.of(from)).compose(first -> {
      if (first.size() == 0 || first.iterator().next().getLong(0) > to) {
        return Future.succeededFuture(null);
      }
      long lo = first.iterator().next().getLong(0);
      return client.preparedQuery(LAST_AT).execute(Tuple.of(to))
          .map(last -> new long[] {lo, last.iterator().next().getLong(0)});
    });
  }

  /** How a read of {@link #rows} ended: how many rows it read, and the cursor after the last (null if none). */
  record Page(int size, JsonObject next) {
  }

  /**
   * At most {@code limit} sale rows after the cursor (null: from the start), in keyset order, each
   * handed to {@code each} as it is read, through one {@link SaleRow} that the next row overwrites.
   * On SQLite the page is read with plain JDBC (typed getters, forward-only) on the JDBC connection
   * under {@code conn}, on the client's worker thread: the JDBC pool's conversion of every cell
   * into a {@link Row} value was the largest part of the CSV export's CPU (docs/decisions.md,
   * issue 30). {@code each} then runs on that thread, one row after the other, and the future
   * completes on the caller's context.
   */
  Future<Page> rows(SqlConnection conn, SalesQuery q, JsonObject after, int limit, Consumer<SaleRow> each) {
    Tuple params = range(q);
    if (after != null) {
      // the cursor's instant becomes the lower bound, so the index range starts right there
      params = Tuple.of(Math.max(q.startMicros(), after.getLong("created_at")), q.endMicros());
    }
    String filter = filter(q, params);
    String keyset = "";
    if (after != null) {
      keyset = AFTER;
      params.addLong(after.getLong("created_at")).addLong(after.getLong("sale_id"))
          .addLong(after.getLong("sale_id")).addLong(after.getLong("id"));
    }
    params.addInteger(limit);
    String sql = String.format(ROWS, mysql ? "STRAIGHT_JOIN " : "",
        mysql ? " FORCE INDEX (ix_sale_items_keyset)" : " INDEXED BY ix_sale_items_keyset",
        mysql ? " FORCE INDEX (PRIMARY)" : "", filter, keyset);
    SaleRow row = new SaleRow();
    if (mysql) {
      return conn.preparedQuery(sql).execute(params).map(rows -> {
        for (Row r : rows) {
          each.accept(row.read(r));
        }
        return new Page(rows.size(), rows.size() == 0 ? null : row.cursor());
      });
    }
    Context caller = Vertx.currentContext();
    Promise<Page> read = Promise.promise();
    Tuple bound = params;
    jdbcClient(conn).schedule(jdbc -> {
      try (PreparedStatement statement = jdbc.prepareStatement(sql)) {
        for (int i = 0; i < bound.size(); i++) {
          statement.setObject(i + 1, bound.getValue(i));
        }
        int n = 0;
        Map<Long, SaleRow.Product> products = new HashMap<>();
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            each.accept(row.read(rs, products));
            n++;
          }
        }
        return new Page(n, n == 0 ? null : row.cursor());
      }
    }).onComplete(done -> {
      if (caller == null) {
        read.handle(done);
      } else {
        caller.runOnContext(v -> read.handle(done));
      }
    });
    return read.future();
  }

  /**
   * vertx-jdbc-client's connection under a connection of the SQLite pool (the pool's connection
   * wraps it). Work given to its {@code schedule} runs on the driver's connection in the same
   * ordered queue as the client's own statements, so a ROLLBACK asked for while a page is read
   * (the caller went away) waits for the read, and the connection goes back to the pool after it. These are Vert.x 5 internal
   * types, so every SQLite test that lists sale rows goes through here.
   */
  private static ConnectionImpl jdbcClient(SqlConnection conn) {
    io.vertx.sqlclient.internal.Connection c = ((SqlConnectionInternal) conn).unwrap();
    while (!(c instanceof ConnectionImpl client)) {
      io.vertx.sqlclient.internal.Connection inner = c.unwrap();
      if (inner == c) {
        throw new IllegalStateException("Not a connection of the JDBC pool: " + c.getClass().getName());
      }
      c = inner;
    }
    return client;
  }

  private static Tuple range(SalesQuery q) {
    return Tuple.of(q.startMicros(), q.endMicros());
  }

  /** The product or category filter as SQL, its ids appended to {@code params}. */
  private static String filter(SalesQuery q, Tuple params) {
    return filter(q, "si.product_id", params);
  }

  /** The filter on {@code column}, a product id. */
  private static String filter(SalesQuery q, String column, Tuple params) {
    List<Long> ids = !q.productIds().isEmpty() ? q.productIds() : q.categoryIds();
    if (ids.isEmpty()) {
      return "";
    }
    ids.forEach(params::addLong);
    return String.format(!q.productIds().isEmpty() ? BY_PRODUCTS : BY_CATEGORIES, column, placeholders(ids.size()));
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** A COUNT as a long (MySQL may answer DECIMAL). */
  static long exact(Object value) {
    return sum(value).longValueExact();
  }

  /**
   * A SUM, exactly: MySQL answers DECIMAL for SUM of BIGINT (exact at any size); SQLite answers an
   * integer, or a REAL when a line's {@code quantity * price_cents} went past 2^63 − 1 (SQLite turns
   * an overflowing product into a float, silently): that is {@link SumOverflow}, never a rounded figure.
   */
  static BigInteger sum(Object value) {
    if (value instanceof Numeric n) {
      return n.bigDecimalValue().toBigIntegerExact();
    }
    if (value instanceof BigDecimal d) {
      return d.toBigIntegerExact();
    }
    if (value instanceof Double || value instanceof Float) {
      throw new SumOverflow();
    }
    return BigInteger.valueOf(((Number) value).longValue());
  }

  /** A sum the database could not compute exactly in 64 bits; the service then sums the rows itself. */
  static final class SumOverflow extends RuntimeException {
    SumOverflow() {
      super("A sum passed what the database computes exactly", null, false, false);
    }
  }
}
