package app.ecommerce.tools;

import app.ecommerce.support.TestDatabase;

class GeneratedCatalogSqliteTest extends GeneratedCatalogTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
