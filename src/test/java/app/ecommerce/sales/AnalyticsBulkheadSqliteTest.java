package app.ecommerce.sales;

import app.ecommerce.support.TestDatabase;

class AnalyticsBulkheadSqliteTest extends AnalyticsBulkheadTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
