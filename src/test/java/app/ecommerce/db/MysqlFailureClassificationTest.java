package app.ecommerce.db;

import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failures the MySQL client raises, built as it builds them, classified by what they wrap:
 * a batch's per-statement failures included. The deadlock case against a real server is in
 * TransactionRetryMariaDbTest; Galera's codes cannot be provoked on a single MariaDB.
 */
class MysqlFailureClassificationTest {
  private final MysqlDialect dialect = new MysqlDialect();

  private static MySQLBatchException batch(Throwable... failures) {
    MySQLBatchException batch = new MySQLBatchException();
    for (int i = 0; i < failures.length; i++) {
      if (failures[i] != null) {
        batch.reportError(i, failures[i]);
      }
    }
    return batch;
  }

  @Test
  void aDeadlockOrBruteForceAbortInsideABatchIsTransient() {
    assertEquals(DbFailure.TRANSIENT, dialect.classify(batch(null, new MySQLException("Deadlock found", 1213, "40001"))));
    assertEquals(DbFailure.TRANSIENT, dialect.classify(batch(new MySQLException("Lock wait timeout", 1205, "HY000"))));
  }

  @Test
  void theStrongestFailureOfABatchDecides() {
    // a duplicate before the deadlock: InnoDB rolled the whole transaction back, so it runs again
    assertEquals(DbFailure.TRANSIENT, dialect.classify(batch(new MySQLException("Duplicate entry", 1062, "23000"),
        new MySQLException("Deadlock found", 1213, "40001"))));
    assertEquals(DbFailure.UNIQUE_VIOLATION, dialect.classify(batch(null, new MySQLException("Duplicate entry", 1062, "23000"))));
    assertEquals(DbFailure.OTHER, dialect.classify(batch(new MySQLException("Unknown column", 1054, "42S22"))));
  }

  @Test
  void aNodeNotInThePrimaryComponentIsTransientAndItsConnectionUnusable() {
    MySQLException notReady = new MySQLException("WSREP has not yet prepared node for application use", 1047, "08S01");
    assertEquals(DbFailure.TRANSIENT, dialect.classify(notReady));
    assertTrue(dialect.brokeConnection(notReady));
    assertTrue(dialect.brokeConnection(batch(null, notReady)));
  }

  @Test
  void aLostConnectionInsideABatchBrokeTheConnection() {
    assertTrue(dialect.brokeConnection(batch(ClosedConnectionException.INSTANCE)));
    assertEquals(DbFailure.UNAVAILABLE, dialect.classify(batch(ClosedConnectionException.INSTANCE)));
    var pending = new io.vertx.core.VertxException("Pending requests failed to be sent due to connection has been closed.");
    assertTrue(dialect.brokeConnection(pending));
    assertEquals(DbFailure.UNAVAILABLE, dialect.classify(pending));
    assertFalse(dialect.brokeConnection(new MySQLException("Deadlock found", 1213, "40001")));
    assertFalse(dialect.brokeConnection(new DatabaseUnavailableException("busy", ClosedConnectionException.INSTANCE)));
  }
}
