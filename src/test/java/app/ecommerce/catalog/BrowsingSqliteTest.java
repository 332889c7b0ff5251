package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class BrowsingSqliteTest extends BrowsingTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
