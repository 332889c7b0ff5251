package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class PurchaseApiSqliteTest extends PurchaseApiTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
