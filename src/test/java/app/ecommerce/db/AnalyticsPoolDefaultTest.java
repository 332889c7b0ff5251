package app.ecommerce.db;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reports' pool when ANALYTICS_POOL_SIZE is left at 0: the rule of the node's cores. */
class AnalyticsPoolDefaultTest {

  @Test
  void sqliteAlwaysHasOneReportReader() {
    for (int cores : new int[] {1, 2, 4, 64}) {
      assertEquals(1, Database.defaultAnalyticsPoolSize(true, cores), cores + " cores");
    }
  }

  @Test
  void mysqlRunsOneReportAtATimeOnUpToTwoCoresAndTwoAbove() {
    assertEquals(1, Database.defaultAnalyticsPoolSize(false, 1));
    assertEquals(1, Database.defaultAnalyticsPoolSize(false, 2));
    assertEquals(2, Database.defaultAnalyticsPoolSize(false, 3));
    assertEquals(2, Database.defaultAnalyticsPoolSize(false, 16));
  }
}
