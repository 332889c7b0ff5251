package app.ecommerce.catalog.impl;

import app.ecommerce.db.Dialect;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sale, its lines and their ledger rows. Public so that tests can place sales at chosen
 * instants through the same code path the purchase uses; callers run it inside their transaction.
 */
public final class SaleRepository {
  static final String INSERT_SALE = "INSERT INTO sales (user_id, total_cents, created_at) VALUES (?, ?, ?)";
  static final String INSERT_ITEM = "INSERT INTO sale_items (sale_id, product_id, quantity, price_cents, created_at)"
      + " VALUES (?, ?, ?, ?, ?)";

  /** One line of a sale: how many units of which product at which unit price (cents). */
  public record Line(long productId, long quantity, long priceCents) {
  }

  /** A written sale: its id, total and the ids of its lines, in order. */
  public record Recorded(long saleId, long totalCents, long createdAt, List<Long> itemIds) {
  }

  private final Dialect dialect;

  public SaleRepository(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Inserts the sale, its items and one ledger row per item (delta = −quantity). The stock itself
   * must already have been taken by the caller, in the same transaction.
   */
  public Future<Recorded> record(SqlClient tx, long userId, long createdAt, List<Line> lines) {
    long total = 0;
    for (Line line : lines) {
      total = Math.addExact(total, Math.multiplyExact(line.quantity(), line.priceCents()));
    }
    long totalCents = total;
    return dialect.insertReturningId(tx, INSERT_SALE, Tuple.of(userId, totalCents, createdAt))
        .compose(saleId -> insertItems(tx, saleId, createdAt, lines, 0, new ArrayList<>())
            .compose(itemIds -> ledger(tx, saleId, userId, createdAt, lines)
                .map(v -> new Recorded(saleId, totalCents, createdAt, itemIds))));
  }

  private Future<List<Long>> insertItems(SqlClient tx, long saleId, long createdAt, List<Line> lines, int index,
                                         List<Long> ids) {
    if (index == lines.size()) {
      return Future.succeededFuture(ids);
    }
    Line line = lines.get(index);
    return dialect.insertReturningId(tx, INSERT_ITEM,
            Tuple.of(saleId, line.productId(), line.quantity(), line.priceCents(), createdAt))
        .compose(id -> {
          ids.add(id);
          return insertItems(tx, saleId, createdAt, lines, index + 1, ids);
        });
  }

  /**
   * All ledger rows in ONE statement, never a batch: the MySQL client goes on with a batch's next
   * statements after one of them failed, and after a deadlock (or a Galera brute-force abort)
   * InnoDB has already rolled the transaction back, so those next statements ran outside it and
   * committed on their own (docs/decisions.md, "Retry budget"). One statement fails whole.
   */
  private static Future<Void> ledger(SqlClient tx, long saleId, long userId, long createdAt, List<Line> lines) {
    if (lines.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple values = Tuple.tuple();
    StringBuilder sql = new StringBuilder(InventoryRepository.INSERT_MOVEMENT);
    for (Line line : lines) {
      if (values.size() > 0) {
        sql.append(InventoryRepository.MORE_MOVEMENT_VALUES);
      }
      values.addLong(line.productId()).addLong(-line.quantity()).addString("sale").addLong(saleId).addLong(userId)
          .addLong(createdAt).addString(null);
    }
    return tx.preparedQuery(sql.toString()).execute(values).mapEmpty();
  }
}
