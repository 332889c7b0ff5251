package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class PurchaseHistorySqliteTest extends PurchaseHistoryTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
