package app.ecommerce.sales;

import app.ecommerce.support.TestDatabase;

class SalesLimitsSqliteTest extends SalesLimitsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
