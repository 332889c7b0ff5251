package app.ecommerce.db;

import app.ecommerce.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

  private static Future<Void> lock(SqlConnection tx, long product) {
    return tx.preparedQuery("UPDATE inventories SET quantity = quantity + 1 WHERE product_id = ?")
        .execute(Tuple.of(product)).mapEmpty();
  }
}
