package app.ecommerce.db;

import app.ecommerce.support.TestDatabase;

class UpgradeInPlaceSqliteTest extends UpgradeInPlaceTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
