package app.ecommerce.db;

import app.ecommerce.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.Promise;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MariaDB: a row lock held by another connection past the lock wait timeout, and two
 * transactions that lock two rows in opposite order (a real InnoDB deadlock).
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class TransactionRetryMariaDbTest extends TransactionRetryTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }

  @Override
  protected Connection holdLock(long productId) throws Exception {
    Connection c = server.db().jdbc();
    c.setAutoCommit(false);
    execute(c, "SELECT quantity FROM inventories WHERE product_id = " + productId + " FOR UPDATE");
    return c;
  }

  @Override
  protected int minimumRunsOfTheWork() {
    return 2;
  }

  @Override
  protected long releaseAfterMs() {
    return 4_000; // past the service's 3-second row-lock wait
  }

  @Test
  void aDeadlockVictimIsRunAgainAndBothTransactionsCommit() throws Exception {
    long a = newStockedProduct();
    long b = newStockedProduct();
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    var vertx = server.app().vertx();
    Future<Void> one = db().inTransaction(tx -> {
      first.incrementAndGet();
      return lock(tx, a).compose(v -> sleep(vertx, 300)).compose(v -> lock(tx, b));
    });
    Future<Void> two = db().inTransaction(tx -> {
      second.incrementAndGet();
      return lock(tx, b).compose(v -> sleep(vertx, 300)).compose(v -> lock(tx, a));
    });
    await(Future.all(one, two));
    assertTrue(first.get() + second.get() >= 3, "one of them was a deadlock victim and ran again");
    // each transaction added one unit to each product, exactly once
    assertEquals(102, new app.ecommerce.support.Sql(server.db()).stock(a).stock());
    assertEquals(102, new app.ecommerce.support.Sql(server.db()).stock(b).stock());
  }

  /**
   * The same deadlock, with each transaction's second lock taken by the last statement of a batch:
   * the driver reports the victim's 1213 as one statement's failure of a MySQLBatchException,
   * which only a classifier that unwraps it retries. (Last, because the driver runs a batch's
   * remaining statements after a failure, and after a deadlock those run outside the rolled-back
   * transaction: the service writes no batch inside a transaction.)
   */
  @Test
  void aDeadlockInsideABatchedStatementIsRunAgainAndBothTransactionsCommit() throws Exception {
    long a = newStockedProduct();
    long b = newStockedProduct();
    long firstOnly = newStockedProduct();
    long secondOnly = newStockedProduct();
    AtomicInteger runs = new AtomicInteger();
    var vertx = server.app().vertx();
    Future<Void> one = db().inTransaction(tx -> {
      runs.incrementAndGet();
      return lock(tx, a).compose(v -> sleep(vertx, 300)).compose(v -> lockInBatch(tx, firstOnly, b));
    });
    Future<Void> two = db().inTransaction(tx -> {
      runs.incrementAndGet();
      return lock(tx, b).compose(v -> sleep(vertx, 300)).compose(v -> lockInBatch(tx, secondOnly, a));
    });
    await(Future.all(one, two));
    assertTrue(runs.get() >= 3, "one of them was a deadlock victim and ran again");
    var sql = new app.ecommerce.support.Sql(server.db());
    assertEquals(102, sql.stock(a).stock());
    assertEquals(102, sql.stock(b).stock());
    // the victim's first batch statement was rolled back with it, then run again once
    assertEquals(101, sql.stock(firstOnly).stock());
    assertEquals(101, sql.stock(secondOnly).stock());
  }

  /**
   * On one server, transactions that name the same hot row are not queued in the app
   * ({@link Database#queuesHotRowsInApp()}; InnoDB's own queue serves the row faster): the second
   * runs while the first is still open. Queued in the app, it would wait for the first until its
   * lock wait ran out (a 503).
   */
  @Test
  void transactionsNamingTheSameRowAreNotQueuedInTheAppOnOneServer() throws Exception {
    assertFalse(db().queuesHotRowsInApp());
    long product = newStockedProduct();
    List<String> row = List.of("product:" + product);
    Promise<Void> holdFirst = Promise.promise();
    CompletableFuture<Void> firstRunning = new CompletableFuture<>();
    Future<Void> first = db().inTransaction(row, tx -> {
      firstRunning.complete(null);
      return holdFirst.future();
    });
    try {
      firstRunning.get(1, TimeUnit.MINUTES);
      AtomicInteger attempts = new AtomicInteger();
      await(db().inTransaction(row, bump(product, attempts)));
      assertEquals(1, attempts.get());
    } finally {
      holdFirst.tryComplete();
    }
    await(first);
    assertEquals(101, new app.ecommerce.support.Sql(server.db()).stock(product).stock());
  }

  private static Future<Void> lockInBatch(SqlConnection tx, long first, long second) {
    return tx.preparedQuery("UPDATE inventories SET quantity = quantity + 1 WHERE product_id = ?")
        .executeBatch(java.util.List.of(Tuple.of(first), Tuple.of(second))).mapEmpty();
  }

  private static Future<Void> lock(SqlConnection tx, long product) {
    return tx.preparedQuery("UPDATE inventories SET quantity = quantity + 1 WHERE product_id = ?")
        .execute(Tuple.of(product)).mapEmpty();
  }
}
