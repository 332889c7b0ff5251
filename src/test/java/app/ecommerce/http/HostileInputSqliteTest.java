package app.ecommerce.http;

import app.ecommerce.support.TestDatabase;

class HostileInputSqliteTest extends HostileInputTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
