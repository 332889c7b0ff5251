package app.ecommerce.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.Migrations;
import app.ecommerce.support.SalesTotalsCheck;
import app.ecommerce.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The bulk tools' rebuild on MariaDB groups every product-hour in memory: more groups than the
 * server's default temporary table holds, and not one of them moved to disk, yet the totals are
 * exactly the rows and the session's limits are the server's again afterwards.
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class TotalsRebuildMariaDbTest {
  /** Well past what 16 MB of implicit temporary table holds: one product-hour per item. */
  private static final int ITEMS = 400_000;
  private static final String DIGITS = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
      + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
      + " UNION ALL SELECT 9)";
  private static TestDatabase db;

  @BeforeAll
  static void manyProductHours() throws SQLException {
    db = TestDatabase.mariadb();
    Migrations.migrate(DatabaseUrl.parse(db.url()));
    try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
      // the items stand alone (no sales or products): the rebuild reads sale_items only
      s.execute("SET SESSION foreign_key_checks = 0");
      s.executeUpdate("INSERT INTO sale_items (sale_id, product_id, quantity, price_cents, created_at)"
          + " SELECT 1, 1 + n % 25, 1 + n % 3, 100 + n % 7, n * 3600000000 - 1800000000"
          + " FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d + 1 AS n"
          + " FROM " + DIGITS + " a, " + DIGITS + " b, " + DIGITS + " c, " + DIGITS + " e, " + DIGITS + " f, "
          + DIGITS + " g) numbers WHERE n <= " + ITEMS);
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void groupsInMemoryExactlyAndLeavesTheSessionAsItWas() throws SQLException {
    try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      long spilledBefore = status(s, "Created_tmp_disk_tables");
      assertEquals(ITEMS, TotalsRebuild.rebuild(c, true));
      c.commit();
      assertEquals(0, status(s, "Created_tmp_disk_tables") - spilledBefore, "temporary tables moved to disk");
      assertEquals(number(s, "SELECT @@global.tmp_table_size"), number(s, "SELECT @@session.tmp_table_size"));
      assertEquals(number(s, "SELECT @@global.max_heap_table_size"), number(s, "SELECT @@session.max_heap_table_size"));
    }
    assertEquals(ITEMS, SalesTotalsCheck.mark(db));
    SalesTotalsCheck.assertTotalsAreTheRows(db);
  }

  private static long status(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static long number(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
