package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class PurchaseConcurrencySqliteTest extends PurchaseConcurrencyTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
