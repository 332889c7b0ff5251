package app.ecommerce.sales;

import app.ecommerce.support.TestDatabase;

class SalesOverflowSqliteTest extends SalesOverflowTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
