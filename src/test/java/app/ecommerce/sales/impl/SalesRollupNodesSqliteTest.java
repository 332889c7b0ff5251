package app.ecommerce.sales.impl;

import app.ecommerce.support.TestDatabase;

class SalesRollupNodesSqliteTest extends SalesRollupNodesTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
