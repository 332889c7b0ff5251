package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class IdempotentWritesSqliteTest extends IdempotentWritesTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
