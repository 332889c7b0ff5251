package app.ecommerce.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC look-ups for assertions about what is really in the database. */
public final class Sql {
  private Sql() {
  }

  public static long single(TestDatabase db, String sql, Object... params) {
    try (Connection c = db.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public static int update(TestDatabase db, String sql, Object... params) {
    try (Connection c = db.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Stock, ledger sum and units sold of one product, read directly. */
  public record StockState(long stock, long ledger, long sold, long restocked) {
  }

  public static StockState stock(TestDatabase db, long productId) {
    return new StockState(
        single(db, "SELECT quantity FROM inventories WHERE product_id = ?", productId),
        single(db, "SELECT COALESCE(SUM(delta), 0) FROM inventory_movements WHERE product_id = ?", productId),
        single(db, "SELECT COALESCE(SUM(quantity), 0) FROM sale_items WHERE product_id = ?", productId),
        single(db, "SELECT COALESCE(SUM(delta), 0) FROM inventory_movements WHERE product_id = ? AND reason = 'restock'",
            productId));
  }
}
