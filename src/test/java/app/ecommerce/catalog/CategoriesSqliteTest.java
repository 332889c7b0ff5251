package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;

class CategoriesSqliteTest extends CategoriesTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
