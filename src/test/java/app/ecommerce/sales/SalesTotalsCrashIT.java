package app.ecommerce.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.config.ConfigLoader;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.Migrations;
import app.ecommerce.support.ChildServer;
import app.ecommerce.support.SalesTotalsCheck;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import app.ecommerce.tools.DemoData;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while it backfills the sales totals of a large existing database, three
 * times at different points, then a restart that finishes: every slot of the totals equals the
 * sum of its sale rows, so no batch was counted twice or skipped.
 */
abstract class SalesTotalsCrashIT {
  static final int SALES = 150_000;

  protected abstract TestDatabase newDatabase();

  @Test
  void aKilledBackfillResumesWithoutCountingTwiceOrSkipping() throws Exception {
    try (TestDatabase db = newDatabase()) {
      Map<String, String> settings = TestServer.settings(db, Map.of("VERTICLES", "sales"));
      var config = ConfigLoader.load(settings);
      Migrations.migrate(DatabaseUrl.parse(config.databaseUrl()));
      new DemoData(config, new PrintStream(OutputStream.nullOutputStream())).generate(SALES);
      // as a database from before the totals existed: every sale item still to fold
      Sql sql = new Sql(db);
      sql.update("DELETE FROM sales_hour_totals");
      sql.update("DELETE FROM sales_day_totals");
      sql.update("UPDATE sales_rollup SET folded_item_id = 0");
      long last = SalesTotalsCheck.lastItem(db);

      int killedMidway = 0;
      long seen = 0;
      for (int kill = 0; kill < 3; kill++) {
        try (ChildServer child = ChildServer.start("totals-crash-" + db.engine() + "-" + kill, settings)) {
          long before = seen;
          // kill as soon as the fold has moved on from where the previous process died
          long deadline = System.currentTimeMillis() + 60_000;
          while (SalesTotalsCheck.mark(db) <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(5 + kill * 7);
          }
          child.kill9();
        }
        seen = SalesTotalsCheck.mark(db);
        if (seen > 0 && seen < last) {
          killedMidway++;
        }
      }
      assertTrue(killedMidway > 0, "every kill came too late: the backfill was already done");

      try (ChildServer child = ChildServer.start("totals-crash-" + db.engine() + "-final", settings)) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (SalesTotalsCheck.mark(db) < last && System.currentTimeMillis() < deadline) {
          Thread.sleep(50);
        }
        child.terminate(30);
      }
      assertEquals(last, SalesTotalsCheck.mark(db), "the backfill did not finish");
      SalesTotalsCheck.assertTotalsAreTheRows(db);
    }
  }
}
