package app.ecommerce.ops;

import app.ecommerce.support.TestDatabase;

class OperationalSqliteTest extends OperationalTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
