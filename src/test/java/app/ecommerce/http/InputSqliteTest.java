package app.ecommerce.http;

import app.ecommerce.support.TestDatabase;

class InputSqliteTest extends InputTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
