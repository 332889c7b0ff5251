package app.ecommerce.sales;

import app.ecommerce.support.TestDatabase;

class SalesDataSqliteTest extends SalesDataTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
