package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class PurchaseCrashSqliteIT extends PurchaseCrashIT {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
