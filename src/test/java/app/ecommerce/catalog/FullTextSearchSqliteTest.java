package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class FullTextSearchSqliteTest extends FullTextSearchTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
