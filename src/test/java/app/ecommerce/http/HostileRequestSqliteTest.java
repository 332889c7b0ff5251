package app.ecommerce.http;

import app.ecommerce.support.TestDatabase;

class HostileRequestSqliteTest extends HostileRequestTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
