package app.ecommerce.sales.impl;

import app.ecommerce.bus.Errors;
import app.ecommerce.db.Database;
import app.ecommerce.db.DbFailure;
import app.ecommerce.sales.SalesContract;
import app.ecommerce.sales.SalesQuery;
import app.ecommerce.bus.Parts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * get_sales_data. The database sums units and cents per product (and per calendar period when
 * there are buckets); Java only folds those few rows into categories, so the work in the heap is
 * proportional to the answer, never to the number of sale rows, and every figure is an exact
 * integer until it is formatted. Listed rows are read in keyset pages and encoded as they come.
 */
final class SalesService {
  static final String TOO_MANY_ROWS = "Too many sale rows for one JSON answer";
  static final int JSON_PAGE_SIZE = 5_000;

  private final Database db;
  private final SalesRepository repository;

  SalesService(Database db) {
    this.db = db;
    this.repository = new SalesRepository(db);
  }

  /**
   * Without rows the answer is one aggregation query, encoded whole. With rows, the count, the sums
   * and the rows come from one snapshot so that they agree, and the answer goes in {@link Parts}
   * of {@link #JSON_PAGE_SIZE} rows: each is sent while the next page is read, so the client
   * receives the rows as the CSV export's client does, not after the last one is read.
   *
   * @return the answer's {@code data}, encoded as JSON (UTF-8): a Buffer, or Parts with rows
   */
  Future<?> salesData(JsonObject in) {
    SalesQuery q = SalesQuery.fromJson(in);
    Periods periods = q.buckets() == null ? null : Periods.of(q.buckets(), q.zone(), q.startMicros(), q.endMicros());
    if (!q.includeItems()) {
      return repository.totals(db.analytics(), q, periods).map(sums -> writer(q, periods, sums))
          .recover(failure -> overflowed(failure)
              ? repository.snapshot(conn -> RowTotals.writer(repository, conn, q, periods))
              : Future.failedFuture(failure))
          .map(AnswerWriter::finish);
    }
    Promise<Parts> ready = Promise.promise();
    repository.snapshot(conn -> {
      Promise<Void> sent = Promise.promise();
      rowsAllowed(conn, q)
          .compose(v -> repository.totals(conn, q, periods))
          .map(sums -> writer(q, periods, sums))
          .recover(failure -> overflowed(failure) ? RowTotals.writer(repository, conn, q, periods)
              : Future.failedFuture(failure))
          .onSuccess(writer -> ready.complete(new RowParts(conn, q, writer, sent)))
          .onFailure(sent::tryFail);
      return sent.future();
    }).onFailure(ready::tryFail);
    return ready.future();
  }

  /**
   * The rows of one answer, a keyset page per part, read on the snapshot's connection; the
   * snapshot ends (commits) with the last part, or rolls back when a page fails or the caller
   * abandons the answer.
   */
  private final class RowParts implements Parts {
    private final SqlConnection conn;
    private final SalesQuery q;
    private final AnswerWriter writer;
    private final Promise<Void> sent;
    private JsonObject after;

    RowParts(SqlConnection conn, SalesQuery q, AnswerWriter writer, Promise<Void> sent) {
      this.conn = conn;
      this.q = q;
      this.writer = writer;
      this.sent = sent;
    }

    @Override
    public Future<Part> next() {
      return repository.rows(conn, q, after, JSON_PAGE_SIZE, writer::row).compose(page -> {
        if (writer.rows() > SalesContract.MAX_JSON_ROWS) {
          // cannot happen inside one snapshot; kept so that the limit holds whatever the isolation
          return Future.failedFuture(tooManyRows(writer.rows()));
        }
        if (page.size() < JSON_PAGE_SIZE) {
          sent.tryComplete();
          return Future.succeededFuture(new Part(writer.finish(), true));
        }
        after = page.next();
        return Future.succeededFuture(new Part(writer.take(), false));
      }).onFailure(sent::tryFail);
    }

    @Override
    public void abandon() {
      sent.tryFail(new IllegalStateException("The caller abandoned the answer"));
    }
  }

  /** The database's sums went past 64 bits: {@link RowTotals} sums the rows exactly instead. */
  private boolean overflowed(Throwable failure) {
    return failure instanceof SalesRepository.SumOverflow || db.dialect().classify(failure) == DbFailure.OVERFLOW;
  }

  /** Folds the sums into one block per period (or one block) and names what they name. */
  private static AnswerWriter writer(SalesQuery q, Periods periods, RowSet<Row> sums) {
    MetricBlock[] blocks = new MetricBlock[periods == null ? 1 : periods.size()];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new MetricBlock();
    }
    Map<Long, MetricBlock.Product> products = new HashMap<>();
    Map<Long, String> categories = new TreeMap<>();
    for (Row sum : sums) {
      MetricBlock.Product product = products.computeIfAbsent(sum.getLong(0), id -> new MetricBlock.Product(id,
          sum.getString(4), sum.getLong(5), sum.getString(6), sum.getString(7)));
      categories.put(product.categoryId(), product.categoryName());
      blocks[periods == null ? 0 : Math.toIntExact(sum.getLong(1))].add(product,
          SalesRepository.sum(sum.getValue(2)), SalesRepository.sum(sum.getValue(3)));
    }
    return new AnswerWriter(q.zone(), periods, blocks, products, categories);
  }

  Future<JsonObject> csvPage(JsonObject in) {
    SalesQuery q = SalesQuery.fromJson(in);
    JsonObject after = in.getJsonObject("after");
    int size = Math.max(1, Math.min(SalesContract.MAX_PAGE_SIZE,
        in.getInteger("page_size", SalesContract.DEFAULT_PAGE_SIZE)));
    StringBuilder csv = new StringBuilder(size * 160 + SaleRows.CSV_HEADER.length());
    if (after == null) {
      csv.append(SaleRows.CSV_HEADER);
    }
    return db.analytics().withConnection(conn -> repository.rows(conn, q, after, size,
            row -> SaleRows.write(SaleRows.CSV, csv, row, q.zone())))
        .map(page -> new JsonObject().put("csv", csv.toString()).put("rows", page.size())
            .put("next", page.size() < size ? null : page.next()));
  }

  private Future<Void> rowsAllowed(SqlConnection conn, SalesQuery q) {
    if (!q.includeItems()) {
      return Future.succeededFuture();
    }
    return repository.count(conn, q).compose(count -> count <= SalesContract.MAX_JSON_ROWS
        ? Future.succeededFuture()
        : Future.failedFuture(tooManyRows(count)));
  }

  private static RuntimeException tooManyRows(long count) {
    return Errors.of(422, TOO_MANY_ROWS, new JsonObject().put("include_sales_items", "The range holds " + count
        + " sale rows; at most " + SalesContract.MAX_JSON_ROWS + " are listed in JSON. Use format=csv,"
        + " a narrower range, or include_sales_items=false"));
  }
}
