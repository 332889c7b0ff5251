package app.ecommerce.sales;

import app.ecommerce.support.TestDatabase;

class SalesLegacyImportSqliteTest extends SalesLegacyImportTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
