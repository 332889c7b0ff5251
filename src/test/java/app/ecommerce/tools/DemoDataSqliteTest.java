package app.ecommerce.tools;

import app.ecommerce.support.TestDatabase;

class DemoDataSqliteTest extends DemoDataTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
