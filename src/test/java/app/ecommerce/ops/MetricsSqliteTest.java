package app.ecommerce.ops;

import app.ecommerce.support.TestDatabase;

class MetricsSqliteTest extends MetricsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
