package app.ecommerce.http;

import app.ecommerce.support.TestDatabase;

class ConnectionLimitsSqliteTest extends ConnectionLimitsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
