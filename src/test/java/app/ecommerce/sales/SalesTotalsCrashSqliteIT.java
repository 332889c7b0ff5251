package app.ecommerce.sales;

import app.ecommerce.support.TestDatabase;

class SalesTotalsCrashSqliteIT extends SalesTotalsCrashIT {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
