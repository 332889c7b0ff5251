package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class ProductsSqliteTest extends ProductsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
