package app.ecommerce.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC on the database under test, for assertions that look at the tables themselves. */
public final class Sql {
  private final TestDatabase db;

  public Sql(TestDatabase db) {
    this.db = db;
  }

  /** Every row as column label (lower case) → value. */
  public List<Map<String, Object>> rows(String sql, Object... params) {
    try (Connection c = db.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      try (ResultSet rs = s.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e, e);
    }
  }

  /** The first column of the only row, as a long (null stays null). */
  public Long number(String sql, Object... params) {
    try (Connection c = db.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no row for " + sql);
        }
        long v = rs.getLong(1);
        return rs.wasNull() ? null : v;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e, e);
    }
  }

  public int update(String sql, Object... params) {
    try (Connection c = db.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e, e);
    }
  }

  /** Stock, ledger sum, units sold and units restocked of one product, read directly. */
  public record StockState(long stock, long ledger, long sold, long restocked) {
  }

  public StockState stock(long productId) {
    return new StockState(
        number("SELECT quantity FROM inventories WHERE product_id = ?", productId),
        number("SELECT COALESCE(SUM(delta), 0) FROM inventory_movements WHERE product_id = ?", productId),
        number("SELECT COALESCE(SUM(quantity), 0) FROM sale_items WHERE product_id = ?", productId),
        number("SELECT COALESCE(SUM(delta), 0) FROM inventory_movements WHERE product_id = ? AND reason = 'restock'",
            productId));
  }

  private static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
  }
}
