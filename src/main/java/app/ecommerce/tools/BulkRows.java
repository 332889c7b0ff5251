package app.ecommerce.tools;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The statements the command-line tools write with, in one place for both of them (demo data and
 * the legacy import). Unlike the repositories' INSERTs, these give every row its id (the demo
 * catalog's, the original system's), and they run over plain JDBC in bulk, not over the reactive
 * pool: a column a migration adds is added here once.
 */
final class BulkRows {
  static final String[] WIPE = {
      "DELETE FROM idempotency_keys", "DELETE FROM inventory_movements", "DELETE FROM sale_items",
      "DELETE FROM sales", "DELETE FROM inventories", "DELETE FROM search_terms", "DELETE FROM products", "DELETE FROM categories",
      // the sales totals describe the sale items: they go with them, and the mark starts over
      "DELETE FROM sales_hour_totals", "DELETE FROM sales_day_totals",
      "UPDATE sales_rollup SET folded_item_id = 0, updated_at = 0"};
  /** MariaDB, demo data only: see DemoData#generate. */
  static final String FAST_BULK = "SET SESSION foreign_key_checks = 0, unique_checks = 0";
  static final String CHECKED = "SET SESSION foreign_key_checks = 1, unique_checks = 1";
  /**
   * SQLite, generated catalog only: 256 MiB of page cache for the tool's connection instead of
   * SQLite's 2 MiB. Each batch's products land all over the products' order indexes, and with the
   * default cache their pages were read again and spilled to the log several times per batch
   * (docs/benchmarks.md).
   */
  static final String SQLITE_LARGE_CACHE = "PRAGMA cache_size = -262144";
  static final String HAS_DATA = "SELECT (SELECT COUNT(*) FROM products) + (SELECT COUNT(*) FROM sales)";

  static final String INSERT_CATEGORY = "INSERT INTO categories (id, category_name, category_slug, created_at)"
      + " VALUES (?, ?, ?, ?)";
  static final String INSERT_PRODUCT = "INSERT INTO products (id, product_name, description, category_id,"
      + " price_cents, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_INVENTORY = "INSERT INTO inventories (product_id, quantity, updated_at) VALUES (?, ?, ?)";

  static final String FIND_USER = "SELECT id FROM users WHERE email = ?";
  static final String INSERT_USER = "INSERT INTO users (first_name, last_name, email, password_hash, role, is_active,"
      + " timezone, last_login, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String UPDATE_USER = "UPDATE users SET password_hash = ?, role = ?, is_active = 1, updated_at = ?"
      + " WHERE id = ?";

  /** Multi-row INSERTs for {@link MultiRowInsert}: the statement's head, then one row's placeholders. */
  static final String INSERT_SALES = "INSERT INTO sales (id, user_id, total_cents, created_at) VALUES ";
  static final String SALE_ROW = "(?, ?, ?, ?)";
  static final String INSERT_ITEMS = "INSERT INTO sale_items (id, sale_id, product_id, quantity, price_cents,"
      + " created_at) VALUES ";
  static final String ITEM_ROW = "(?, ?, ?, ?, ?, ?)";
  static final String INSERT_MOVEMENTS = "INSERT INTO inventory_movements (product_id, delta, reason, sale_id,"
      + " user_id, created_at) VALUES ";
  static final String MOVEMENT_ROW = "(?, ?, ?, ?, ?, ?)";
  /**
   * Demo data gives the ledger's rows their ids, as it does every sale and sale item: MariaDB hands
   * a binary batch ({@link BatchInsert}) its auto-increment ids in blocks, leaving gaps between
   * batches.
   */
  static final String INSERT_MOVEMENTS_BY_ID = "INSERT INTO inventory_movements (id, product_id, delta, reason,"
      + " sale_id, user_id, created_at) VALUES ";
  static final String MOVEMENT_BY_ID_ROW = "(?, ?, ?, ?, ?, ?, ?)";

  private BulkRows() {
  }

  /** Binds {@code values} to the statement's parameters from {@code offset + 1} on. */
  static void bind(PreparedStatement statement, int offset, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(offset + i + 1, values[i]);
    }
  }
}
