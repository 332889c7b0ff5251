package app.ecommerce.sales.impl;

import app.ecommerce.bus.Errors;
import app.ecommerce.db.Database;
import app.ecommerce.sales.SalesContract;
import app.ecommerce.sales.SalesQuery;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** @return the answer's {@code data}, encoded as JSON (UTF-8) */
  Future<Buffer> salesData(JsonObject in) {
    SalesQuery q = checked(in);
    Periods periods = q.buckets() == null ? null : Periods.of(q.buckets(), q.zone(), q.startMicros(), q.endMicros());
    return repository.snapshot(conn -> rowsAllowed(conn, q)
        .compose(v -> periods == null ? repository.totals(conn, q) : repository.periodTotals(conn, q, periods))
        .compose(sums -> names(conn, sums).compose(products -> {
          AnswerWriter writer = new AnswerWriter(q.zone(), periods, fold(periods, sums, products), products,
              categoryNames(products));
          return (q.includeItems() ? rows(conn, q, null, writer) : Future.<Void>succeededFuture())
              .map(v -> writer.finish());
        })));
  }

  /** Reads the rows page by page on the snapshot's connection, straight into the writer. */
  private Future<Void> rows(SqlConnection conn, SalesQuery q, JsonObject after, AnswerWriter writer) {
    return repository.rows(conn, q, after, JSON_PAGE_SIZE).compose(page -> {
      Row last = null;
      for (Row r : page) {
        writer.row(r);
        last = r;
      }
      if (writer.rows() > SalesContract.MAX_JSON_ROWS) {
        // cannot happen inside one snapshot; kept so that the limit holds whatever the isolation
        return Future.failedFuture(tooManyRows(writer.rows()));
      }
      return page.size() < JSON_PAGE_SIZE ? Future.succeededFuture() : rows(conn, q, cursor(last), writer);
    });
  }

  private static JsonObject cursor(Row last) {
    return new JsonObject().put("created_at", last.getLong(3)).put("sale_id", last.getLong(1)).put("id", last.getLong(0));
  }

  private static Metrics[] fold(Periods periods, RowSet<Row> sums, Map<Long, Metrics.Product> products) {
    Metrics[] blocks = new Metrics[periods == null ? 1 : periods.size()];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new Metrics();
    }
    if (sums != null) {
      for (Row sum : sums) {
        int at = periods == null ? 0 : 1;
        blocks[periods == null ? 0 : Math.toIntExact(sum.getLong(1))].add(products.get(sum.getLong(0)),
            SalesRepository.exact(sum.getValue(at + 1)), SalesRepository.exact(sum.getValue(at + 2)));
      }
    }
    return blocks;
  }

  Future<JsonObject> csvPage(JsonObject in) {
    SalesQuery q = checked(in);
    JsonObject after = in.getJsonObject("after");
    int size = Math.max(1, Math.min(SalesContract.MAX_PAGE_SIZE,
        in.getInteger("page_size", SalesContract.DEFAULT_PAGE_SIZE)));
    return repository.rows(db.pool(), q, after, size).map(rows -> {
      StringBuilder csv = new StringBuilder(rows.size() * 160 + SaleRows.CSV_HEADER.length());
      if (after == null) {
        csv.append(SaleRows.CSV_HEADER);
      }
      Row last = null;
      for (Row r : rows) {
        SaleRows.csv(csv, r, q.zone());
        last = r;
      }
      JsonObject next = rows.size() < size ? null : cursor(last);
      return new JsonObject().put("csv", csv.toString()).put("rows", rows.size()).put("next", next);
    });
  }

  private static SalesQuery checked(JsonObject in) {
    Map<String, String> problems = new LinkedHashMap<>(SalesQuery.filterProblems(in));
    problems.putAll(SalesQuery.rangeProblems(in, SalesQuery.zoneOf(in)));
    if (!problems.isEmpty()) {
      throw Errors.validation(problems);
    }
    return SalesQuery.of(in);
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

  private Future<Map<Long, Metrics.Product>> names(SqlConnection conn, RowSet<Row> sums) {
    List<Long> ids = new ArrayList<>();
    if (sums != null) {
      for (Row row : sums) {
        ids.add(row.getLong(0));
      }
    }
    List<Long> distinct = new ArrayList<>(new java.util.TreeSet<>(ids));
    return repository.products(conn, distinct).map(rows -> {
      Map<Long, Metrics.Product> products = new HashMap<>();
      for (Row r : rows) {
        products.put(r.getLong(0), new Metrics.Product(r.getLong(0), r.getString(1), r.getLong(2), r.getString(3),
            r.getString(4)));
      }
      return products;
    });
  }

  private static Map<Long, String> categoryNames(Map<Long, Metrics.Product> products) {
    Map<Long, String> names = new TreeMap<>();
    products.values().forEach(p -> names.put(p.categoryId(), p.categoryName()));
    return names;
  }
}
