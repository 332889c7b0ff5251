package app.ecommerce.sales.impl;

import app.ecommerce.sales.SalesQuery;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metric blocks of an answer summed from the sale rows themselves, exactly, when the
 * database's own sums overflowed (SQLite's SUM past 2^63 − 1 cents, or one line's
 * {@code quantity * price_cents} past it on either engine). Only data an administrator made
 * absurdly large takes this path: it reads every row of the range, a keyset page at a time, so
 * the heap holds one page and the answer's sums, whatever the number of rows.
 */
final class RowTotals {
  private final SalesRepository repository;
  private final SalesQuery query;
  private final Periods periods;
  private final MetricBlock[] blocks;
  private final Map<Long, MetricBlock.Product> products = new HashMap<>();
  private final Map<Long, String> categories = new TreeMap<>();

  private RowTotals(SalesRepository repository, SalesQuery query, Periods periods) {
    this.repository = repository;
    this.query = query;
    this.periods = periods;
    this.blocks = new MetricBlock[periods == null ? 1 : periods.size()];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new MetricBlock();
    }
  }

  /** A writer whose blocks hold the exact sums of every row of the query's range. */
  static Future<AnswerWriter> writer(SalesRepository repository, SqlClient client, SalesQuery query, Periods periods) {
    RowTotals totals = new RowTotals(repository, query, periods);
    return totals.pages(client, null)
        .map(v -> new AnswerWriter(query.zone(), periods, totals.blocks, totals.products, totals.categories));
  }

  private Future<Void> pages(SqlClient client, JsonObject after) {
    return repository.rows(client, query, after, SalesService.JSON_PAGE_SIZE).compose(page -> {
      Row last = null;
      for (Row r : page) {
        add(r);
        last = r;
      }
      return page.size() < SalesService.JSON_PAGE_SIZE ? Future.succeededFuture()
          : pages(client, SalesService.cursor(last));
    });
  }

  /** Columns as in {@link SalesRepository#ROWS}. */
  private void add(Row r) {
    MetricBlock.Product product = products.computeIfAbsent(r.getLong(4), id -> new MetricBlock.Product(id, r.getString(5),
        r.getLong(8), r.getString(9), r.getString(10)));
    categories.put(product.categoryId(), product.categoryName());
    int block = periods == null ? 0
        : periods.indexOf(Times.fromMicros(r.getLong(3)).atZone(query.zone()).toLocalDate());
    BigInteger quantity = BigInteger.valueOf(r.getLong(7));
    blocks[block].add(product, quantity, quantity.multiply(BigInteger.valueOf(r.getLong(6))));
  }
}
