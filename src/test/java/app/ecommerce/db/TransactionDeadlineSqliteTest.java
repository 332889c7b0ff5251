package app.ecommerce.db;

import app.ecommerce.support.TestDatabase;

/** SQLite: the writer is in this process; the late transaction is rolled back when its work returns. */
class TransactionDeadlineSqliteTest extends TransactionDeadlineTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
