package app.ecommerce.sales.impl;

import app.ecommerce.support.TestDatabase;

class SalesTotalsPropertySqliteTest extends SalesTotalsPropertyTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
