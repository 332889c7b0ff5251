package app.ecommerce.sales.impl;

import app.ecommerce.sales.SalesQuery;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
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
  static Future<AnswerWriter> writer(SalesRepository repository, SqlConnection conn, SalesQuery query, Periods periods) {
    RowTotals totals = new RowTotals(repository, query, periods);
    return totals.pages(conn, null)
        .map(v -> new AnswerWriter(query.zone(), periods, totals.blocks, totals.products, totals.categories));
  }

  private Future<Void> pages(SqlConnection conn, JsonObject after) {
    return repository.rows(conn, query, after, SalesService.JSON_PAGE_SIZE, this::add).compose(page ->
        page.size() < SalesService.JSON_PAGE_SIZE ? Future.succeededFuture() : pages(conn, page.next()));
  }

  private void add(SaleRow r) {
    MetricBlock.Product product = products.computeIfAbsent(r.productId, id -> new MetricBlock.Product(id,
        r.productName, r.categoryId, r.categoryName, r.categorySlug));
    categories.put(product.categoryId(), product.categoryName());
    int block = periods == null ? 0
        : periods.indexOf(Times.fromMicros(r.createdAt).atZone(query.zone()).toLocalDate());
    BigInteger quantity = BigInteger.valueOf(r.quantity);
    blocks[block].add(product, quantity, quantity.multiply(BigInteger.valueOf(r.priceCents)));
  }
}
