package app.ecommerce.sales.impl;

import app.ecommerce.time.Times;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The sales totals rebuilt from every sale item in one statement per table, for the bulk tools
 * (demo data, import-legacy) that have just written millions of rows: far faster than folding
 * them batch by batch. Runs in the caller's JDBC transaction; with the mark's row locked first,
 * so a running node's fold waits for it and then finds nothing left to fold.
 */
public final class TotalsRebuild {
  static final String LOCK_MARK_MYSQL = SalesRollup.READ_MARK + " FOR UPDATE";
  static final String CLEAR_HOURS = "DELETE FROM sales_hour_totals";
  static final String CLEAR_DAYS = "DELETE FROM sales_day_totals";
  static final String FILL_HOURS = "INSERT INTO sales_hour_totals (slot_at, product_id, units, cents) "
      + SalesRollup.HOUR_SUMS;
  static final String FILL_DAYS = "INSERT INTO sales_day_totals (slot_at, product_id, units, cents)"
      + " SELECT slot_at - (((slot_at % 86400000000) + 86400000000) % 86400000000) AS day_at, product_id,"
      + " SUM(units), SUM(cents) FROM sales_hour_totals GROUP BY day_at, product_id";
  static final String SET_MARK = "UPDATE sales_rollup SET folded_item_id = ?, updated_at = ? WHERE id = 1";
  /**
   * MariaDB groups FILL_HOURS (and FILL_DAYS) in an implicit temporary table, one row per product
   * and hour (day). Past the server's default size (16 MB) it moves that table to disk and goes on
   * updating it there once per sale item, which is most of a rebuild's time; raised for these two
   * statements of this session only, the groups of a few years of a small shop's history stay in
   * memory. A larger history still spills to disk, as before.
   */
  static final String ROOM_TO_GROUP_MYSQL = "SET SESSION tmp_table_size = 268435456, max_heap_table_size = 268435456";
  static final String ROOM_RESET_MYSQL = "SET SESSION tmp_table_size = DEFAULT, max_heap_table_size = DEFAULT";

  private TotalsRebuild() {
  }

  /** @return the new mark: the largest sale item id, all of them folded */
  public static long rebuild(Connection c, boolean mysql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeQuery(mysql ? LOCK_MARK_MYSQL : SalesRollup.READ_MARK).close();
      long last;
      try (ResultSet rs = s.executeQuery(SalesRollup.LAST_ITEM)) {
        rs.next();
        last = rs.getLong(1);
      }
      s.executeUpdate(CLEAR_HOURS);
      s.executeUpdate(CLEAR_DAYS);
      if (mysql) {
        s.execute(ROOM_TO_GROUP_MYSQL);
      }
      try (PreparedStatement fill = c.prepareStatement(FILL_HOURS)) {
        fill.setLong(1, 0);
        fill.setLong(2, last);
        fill.executeUpdate();
        s.executeUpdate(FILL_DAYS);
      } finally {
        if (mysql) {
          s.execute(ROOM_RESET_MYSQL);
        }
      }
      try (PreparedStatement mark = c.prepareStatement(SET_MARK)) {
        mark.setLong(1, last);
        mark.setLong(2, Times.nowMicros());
        mark.executeUpdate();
      }
      return last;
    }
  }
}
