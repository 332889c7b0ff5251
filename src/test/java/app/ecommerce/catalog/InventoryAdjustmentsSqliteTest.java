package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class InventoryAdjustmentsSqliteTest extends InventoryAdjustmentsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
