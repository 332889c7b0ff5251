package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class IdempotencySqliteTest extends IdempotencyTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
