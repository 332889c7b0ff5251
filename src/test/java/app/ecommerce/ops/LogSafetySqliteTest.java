package app.ecommerce.ops;

import app.ecommerce.support.TestDatabase;

class LogSafetySqliteTest extends LogSafetyTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
