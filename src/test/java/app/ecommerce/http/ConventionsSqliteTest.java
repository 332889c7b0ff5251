package app.ecommerce.http;

import app.ecommerce.support.TestDatabase;

class ConventionsSqliteTest extends ConventionsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
