package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class CatalogEditsSqliteTest extends CatalogEditsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
