package app.ecommerce.ops;

import app.ecommerce.support.TestDatabase;

class OpenApiSqliteTest extends OpenApiTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
