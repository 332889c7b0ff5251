package app.ecommerce.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * MariaDB: the deadline closes the connection's socket, so the server rolls the transaction back;
 * a statement still running on the server at the deadline is cut too.
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class TransactionDeadlineMariaDbTest extends TransactionDeadlineTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }

  /**
   * The server lets go of a cut transaction at the deadline, not when the node's work returns: its
   * row lock is free (so a frozen server, once it wakes, has no transaction left to commit).
   */
  @Test
  void aTransactionCutAtItsDeadlineIsRolledBackByTheServerAtOnce() throws Exception {
    Future<Void> cut = guarded.inTransaction(insertThenWait("released-at-once", 3_000));
    failureOf(cut);
    try (Connection c = server.db().jdbc(); Statement s = c.createStatement()) {
      s.execute("SET SESSION innodb_lock_wait_timeout = 1");
      long started = System.nanoTime();
      s.executeUpdate("INSERT INTO categories (category_name, category_slug, created_at)"
          + " VALUES ('Taken over', 'released-at-once', 0)");
      assertTrue((System.nanoTime() - started) / 1_000_000 < 1_000, "the slug's lock was free");
    }
    assertEquals(1, categories("released-at-once"));
  }

  @Test
  void aStatementStillRunningAtTheDeadlineIsCutAndItsTransactionRolledBack() throws Exception {
    long started = System.nanoTime();
    Throwable failure = failureOf(guarded.inTransaction(tx -> insertThenWait("slow-statement", 0).apply(tx)
        .compose(inserted -> tx.preparedQuery("SELECT SLEEP(?)").execute(Tuple.of(3)))
        .mapEmpty()));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(DbFailure.UNAVAILABLE, guarded.dialect().classify(failure), failure::toString);
    assertTrue(tookMs < 2_000, "the statement did not hold the answer: " + tookMs + " ms");
    Thread.sleep(500);
    assertEquals(0, categories("slow-statement"));
  }
}
