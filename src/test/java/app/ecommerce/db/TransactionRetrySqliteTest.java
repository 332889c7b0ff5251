package app.ecommerce.db;

import app.ecommerce.support.TestDatabase;
import java.sql.Connection;
import java.util.Map;

/** SQLite: another connection holds the write lock (BEGIN IMMEDIATE), as a backup tool might. */
class TransactionRetrySqliteTest extends TransactionRetryTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("DB_BUSY_TIMEOUT_MS", "100");
  }

  @Override
  protected Connection holdLock(long productId) throws Exception {
    Connection c = server.db().jdbc();
    c.setAutoCommit(false);
    execute(c, "UPDATE inventories SET updated_at = updated_at WHERE product_id = " + productId);
    return c;
  }

  @Override
  protected int minimumRunsOfTheWork() {
    return 1;
  }

  @Override
  protected long releaseAfterMs() {
    return 250;
  }
}
