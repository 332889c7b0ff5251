package app.ecommerce.tools;

import app.ecommerce.catalog.ProductSearch;
import app.ecommerce.config.AppConfig;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.Migrations;
import app.ecommerce.time.Times;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Imports a SQLite database of the original FastAPI system (read-only) into the configured
 * database: categories, products (prices to cents, half-even, as its DECIMAL(10,2) did), stock
 * (the sum of its inventory batches), users (argon2 hashes kept, role customer; a user whose
 * e-mail already exists here is matched, not changed), sales and sale items (naive UTC times to
 * microseconds). Ids of categories, products, sales and sale items are kept. The ledger gets one
 * restock row per product (stock + units sold) and one sale row per item, so stock = ledger sum.
 * Rows the original never validated (items with a quantity or price ≤ 0, sales of unknown
 * users, items of unknown products) are skipped and counted. One transaction for the catalog,
 * then commits every {@value #SALES_PER_COMMIT} sales.
 */
public final class LegacyImporter {
  private static final int SALES_PER_COMMIT = 5_000;
  static final String LEGACY_CATEGORIES = "SELECT id, category_name, category_slug, created_at FROM category ORDER BY id";
  static final String LEGACY_PRODUCTS = "SELECT id, product_name, description, category_id, CAST(price AS TEXT),"
      + " is_active, created_at, updated_at FROM product ORDER BY id";
  static final String LEGACY_STOCK = "SELECT product_id, COALESCE(SUM(quantity), 0), MIN(created_at), MAX(updated_at)"
      + " FROM inventory GROUP BY product_id";
  static final String LEGACY_USERS = "SELECT id, first_name, last_name, email, hashed_password, is_active, timezone,"
      + " last_login, created_at, updated_at FROM user ORDER BY id";
  static final String LEGACY_SALES = "SELECT id, user_id, created_at FROM sale ORDER BY id";
  static final String LEGACY_ITEMS = "SELECT id, sale_id, product_id, quantity, CAST(price_per_unit AS TEXT)"
      + " FROM sale_item ORDER BY sale_id, id";

  /** What was imported and what was skipped. */
  public record Report(int categories, int products, int users, int matchedUsers, int sales, int items,
                       int skippedSales, int skippedItems) {
  }

  private final AppConfig config;
  private final PrintStream out;

  public LegacyImporter(AppConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /**
   * @param replace wipe the catalog, stock and sales already here (users stay); without it a
   *                database that has products or sales is refused
   */
  public Report importFrom(Path legacyFile, boolean replace) throws SQLException {
    if (!Files.isRegularFile(legacyFile)) {
      throw new IllegalArgumentException("No such file: " + legacyFile);
    }
    DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl());
    Migrations.migrate(url);
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection legacy = readOnly.createConnection("jdbc:sqlite:" + legacyFile.toAbsolutePath());
         Connection c = DemoData.connect(url)) {
      c.setAutoCommit(false);
      if (!replace && new DemoData(config, out).hasData()) {
        throw new IllegalStateException("The database " + config.redactedDatabaseUrl() + " already has products or"
            + " sales; import-legacy replaces the catalog, stock and all sales: run it again with --yes");
      }
      // always: the imported items keep their original ids, which may lie below the sales totals' mark
      try (Statement s = c.createStatement()) {
        for (String sql : BulkRows.WIPE) {
          s.executeUpdate(sql);
        }
      }
      Counts n = new Counts();
      Map<Long, Long> users = users(legacy, c, n);
      catalog(legacy, c, n);
      ProductSearch.fillMissing(c);
      Map<Long, long[]> stock = stock(legacy);
      c.commit();
      Map<Long, Long> sold = sales(legacy, c, users, n);
      ledger(legacy, c, stock, sold);
      c.commit();
      DemoData.rebuildTotals(c, url, out);
      Report report = new Report(n.categories, n.products, n.users, n.matchedUsers, n.sales, n.items,
          n.skippedSales, n.skippedItems);
      out.println("Imported " + report);
      return report;
    }
  }

  private static final class Counts {
    int categories;
    int products;
    int users;
    int matchedUsers;
    int sales;
    int items;
    int skippedSales;
    int skippedItems;
  }

  private Map<Long, Long> users(Connection legacy, Connection c, Counts n) throws SQLException {
    Map<Long, Long> ids = new HashMap<>();
    try (Statement s = legacy.createStatement(); ResultSet rs = s.executeQuery(LEGACY_USERS);
         PreparedStatement find = c.prepareStatement(BulkRows.FIND_USER);
         PreparedStatement insert = c.prepareStatement(BulkRows.INSERT_USER)) {
      while (rs.next()) {
        String email = rs.getString(4).strip().toLowerCase(Locale.ROOT);
        Long existing = userId(find, email);
        if (existing != null) {
          ids.put(rs.getLong(1), existing);
          n.matchedUsers++;
          continue;
        }
        long created = micros(rs.getString(9), Times.nowMicros());
        BulkRows.bind(insert, 0, new Object[] {rs.getString(2), rs.getString(3), email, rs.getString(5), "customer",
            rs.getLong(6) == 0 ? 0 : 1, zone(rs.getString(7)),
            rs.getString(8) == null ? null : micros(rs.getString(8), created), created,
            micros(rs.getString(10), created)});
        insert.executeUpdate();
        ids.put(rs.getLong(1), userId(find, email));
        n.users++;
      }
    }
    return ids;
  }

  private static Long userId(PreparedStatement find, String email) throws SQLException {
    find.setString(1, email);
    try (ResultSet rs = find.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private void catalog(Connection legacy, Connection c, Counts n) throws SQLException {
    long now = Times.nowMicros();
    try (Statement s = legacy.createStatement(); ResultSet rs = s.executeQuery(LEGACY_CATEGORIES);
         PreparedStatement insert = c.prepareStatement(BulkRows.INSERT_CATEGORY)) {
      while (rs.next()) {
        BulkRows.bind(insert, 0, new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
            micros(rs.getString(4), now)});
        insert.executeUpdate();
        n.categories++;
      }
    }
    try (Statement s = legacy.createStatement(); ResultSet rs = s.executeQuery(LEGACY_PRODUCTS);
         PreparedStatement insert = c.prepareStatement(BulkRows.INSERT_PRODUCT)) {
      while (rs.next()) {
        long created = micros(rs.getString(7), now);
        BulkRows.bind(insert, 0, new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            cents(rs.getString(5), "price of product " + rs.getLong(1)), rs.getLong(6) == 0 ? 0 : 1, created,
            micros(rs.getString(8), created)});
        insert.executeUpdate();
        n.products++;
      }
    }
  }

  /** product id → {stock, first restock micros, last update micros} from the inventory batches. */
  private static Map<Long, long[]> stock(Connection legacy) throws SQLException {
    Map<Long, long[]> stock = new HashMap<>();
    long now = Times.nowMicros();
    try (Statement s = legacy.createStatement(); ResultSet rs = s.executeQuery(LEGACY_STOCK)) {
      while (rs.next()) {
        stock.put(rs.getLong(1), new long[] {Math.max(0, rs.getLong(2)), micros(rs.getString(3), now),
            micros(rs.getString(4), now)});
      }
    }
    return stock;
  }

  /** Writes sales and items (with their ledger rows); returns units sold per product. */
  private Map<Long, Long> sales(Connection legacy, Connection c, Map<Long, Long> users, Counts n) throws SQLException {
    Map<Long, Long> sold = new HashMap<>();
    Set<Long> products = new HashSet<>();
    try (Statement s = legacy.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM product")) {
      while (rs.next()) {
        products.add(rs.getLong(1));
      }
    }
    try (Statement ss = legacy.createStatement(); ResultSet sales = ss.executeQuery(LEGACY_SALES);
         Statement is = legacy.createStatement(); ResultSet items = is.executeQuery(LEGACY_ITEMS);
         MultiRowInsert saleRows = new MultiRowInsert(c, BulkRows.INSERT_SALES, BulkRows.SALE_ROW, 4);
         MultiRowInsert itemRows = new MultiRowInsert(c, BulkRows.INSERT_ITEMS, BulkRows.ITEM_ROW, 6);
         MultiRowInsert movements = new MultiRowInsert(c, BulkRows.INSERT_MOVEMENTS, BulkRows.MOVEMENT_ROW, 6)) {
      boolean more = items.next();
      while (sales.next()) {
        long saleId = sales.getLong(1);
        Long userId = users.get(sales.getLong(2));
        long at = micros(sales.getString(3), 0);
        long total = 0;
        List<Object[]> lines = new ArrayList<>();
        while (more && items.getLong(2) < saleId) {
          n.skippedItems++; // an item of a sale that does not exist
          more = items.next();
        }
        while (more && items.getLong(2) == saleId) {
          long quantity = items.getLong(4);
          long price = cents(items.getString(5), "price of sale item " + items.getLong(1));
          if (quantity > 0 && price > 0 && products.contains(items.getLong(3))) {
            lines.add(new Object[] {items.getLong(1), saleId, items.getLong(3), quantity, price, at});
            total = Math.addExact(total, Math.multiplyExact(quantity, price));
          } else {
            n.skippedItems++;
          }
          more = items.next();
        }
        if (userId == null) {
          n.skippedSales++;
          n.skippedItems += lines.size();
          continue;
        }
        saleRows.add(saleId, userId, total, at);
        for (Object[] line : lines) {
          itemRows.add(line);
          long product = (Long) line[2];
          long quantity = (Long) line[3];
          movements.add(product, -quantity, "sale", saleId, userId, at);
          sold.merge(product, quantity, Long::sum);
          n.items++;
        }
        if (++n.sales % SALES_PER_COMMIT == 0) {
          flush(c, saleRows, itemRows, movements);
        }
      }
      while (more) {
        n.skippedItems++;
        more = items.next();
      }
      flush(c, saleRows, itemRows, movements);
    }
    return sold;
  }

  private static void flush(Connection c, MultiRowInsert sales, MultiRowInsert items, MultiRowInsert movements)
      throws SQLException {
    sales.flush();
    items.flush();
    movements.flush();
    c.commit();
  }

  /** One stock row per product and the restock that makes the ledger add up to it. */
  private static void ledger(Connection legacy, Connection c, Map<Long, long[]> stock, Map<Long, Long> sold)
      throws SQLException {
    long now = Times.nowMicros();
    try (Statement s = legacy.createStatement(); ResultSet rs = s.executeQuery("SELECT id, created_at FROM product");
         PreparedStatement inventory = c.prepareStatement(BulkRows.INSERT_INVENTORY);
         MultiRowInsert movements = new MultiRowInsert(c, BulkRows.INSERT_MOVEMENTS, BulkRows.MOVEMENT_ROW, 6)) {
      while (rs.next()) {
        long product = rs.getLong(1);
        long[] batch = stock.getOrDefault(product, new long[] {0, micros(rs.getString(2), now), now});
        BulkRows.bind(inventory, 0, new Object[] {product, batch[0], batch[2]});
        inventory.executeUpdate();
        long restocked = batch[0] + sold.getOrDefault(product, 0L);
        if (restocked != 0) {
          movements.add(product, restocked, "restock", null, null, batch[1]);
        }
      }
      movements.flush();
    }
  }

  /** A naive UTC timestamp of the original ({@code 2023-10-02 17:37:38.734705}) as microseconds. */
  static long micros(String text, long fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    String iso = text.strip().replace(' ', 'T');
    if (iso.length() == 10) {
      iso += "T00:00:00";
    }
    return Times.toMicros(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
  }

  /** A DECIMAL(10,2) of the original, stored by SQLite as text of a REAL or INTEGER, as cents. */
  static long cents(String text, String what) {
    if (text == null) {
      throw new IllegalStateException("The " + what + " is NULL");
    }
    return new BigDecimal(text.strip()).setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
  }

  private static String zone(String id) {
    try {
      return id == null ? "UTC" : ZoneId.of(id).getId();
    } catch (RuntimeException e) {
      return "UTC";
    }
  }
}
