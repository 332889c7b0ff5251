package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class InventoryConcurrencySqliteTest extends InventoryConcurrencyTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
