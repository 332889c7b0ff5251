package app.ecommerce.catalog.impl;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Stock and its ledger. Stock only changes through atomic conditional updates, each with a
 * ledger row in the same transaction, so the stock always equals the sum of the ledger.
 */
final class InventoryRepository {
  static final String ADD = "UPDATE inventories SET quantity = quantity + ?, updated_at = ? WHERE product_id = ?";
  /** Takes stock only if enough is there; never a read-then-write. */
  static final String TAKE = "UPDATE inventories SET quantity = quantity - ?, updated_at = ?"
      + " WHERE product_id = ? AND quantity >= ?";
  /**
   * The product's row, locked before its stock: the order purchases lock them in (products, then
   * inventories), so that a restock or adjustment and a purchase of the same product can never
   * hold one each and wait for the other (the ledger row's foreign key reads the product too).
   */
  static final String LOCK_PRODUCT = "SELECT id FROM products WHERE id = ?";
  static final String STOCK = "SELECT quantity, updated_at FROM inventories WHERE product_id = ?";
  static final String INSERT_MOVEMENT = "INSERT INTO inventory_movements (product_id, delta, reason, sale_id, user_id,"
      + " created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)";
  /** One more row of {@link #INSERT_MOVEMENT}'s VALUES, for several ledger rows in one statement. */
  static final String MORE_MOVEMENT_VALUES = ", (?, ?, ?, ?, ?, ?, ?)";
  /** Newest first; the (product_id) index ends with the id on both engines, so no sort. */
  static final String MOVEMENTS = "SELECT id, product_id, delta, reason, sale_id, note, user_id, created_at"
      + " FROM inventory_movements WHERE product_id = ? ORDER BY id DESC LIMIT ? OFFSET ?";
  static final String COUNT_MOVEMENTS = "SELECT COUNT(*) FROM inventory_movements WHERE product_id = ?";

  /**
   * Locks the product's row until the transaction ends ({@code forUpdate} is the dialect's suffix).
   * @return false when there is no such product
   */
  Future<Boolean> lockProduct(SqlClient tx, long productId, String forUpdate) {
    return tx.preparedQuery(LOCK_PRODUCT + forUpdate).execute(Tuple.of(productId)).map(rows -> rows.size() == 1);
  }

  /** @return false when the product has no stock row (it does not exist) */
  Future<Boolean> add(SqlClient tx, long productId, long quantity, long now) {
    return tx.preparedQuery(ADD).execute(Tuple.of(quantity, now, productId)).map(rows -> rows.rowCount() == 1);
  }

  /** @return false when there is not enough stock (nothing changed) */
  Future<Boolean> take(SqlClient tx, long productId, long quantity, long now) {
    return tx.preparedQuery(TAKE).execute(Tuple.of(quantity, now, productId, quantity))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Row> stock(SqlClient client, long productId) {
    return client.preparedQuery(STOCK).execute(Tuple.of(productId)).map(rows -> rows.iterator().next());
  }

  Future<Void> record(SqlClient tx, long productId, long delta, String reason, Long saleId, long userId, long now) {
    return record(tx, productId, delta, reason, saleId, userId, now, null);
  }

  Future<Void> record(SqlClient tx, long productId, long delta, String reason, Long saleId, long userId, long now,
                      String note) {
    return tx.preparedQuery(INSERT_MOVEMENT).execute(Tuple.of(productId, delta, reason, saleId, userId, now)
        .addString(note)).mapEmpty();
  }

  /** null when the product has no stock row (it does not exist). */
  Future<Row> findStock(SqlClient client, long productId) {
    return client.preparedQuery(STOCK).execute(Tuple.of(productId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  Future<RowSet<Row>> movements(SqlClient client, long productId, Page page) {
    return client.preparedQuery(MOVEMENTS).execute(Tuple.of(productId, page.perPage(), page.offset()));
  }

  Future<Long> countMovements(SqlClient client, long productId) {
    return client.preparedQuery(COUNT_MOVEMENTS).execute(Tuple.of(productId))
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
