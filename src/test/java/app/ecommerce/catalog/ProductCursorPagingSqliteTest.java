package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class ProductCursorPagingSqliteTest extends ProductCursorPagingTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
