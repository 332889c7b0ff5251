package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class StockSqliteTest extends StockTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
