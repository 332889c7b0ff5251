package app.ecommerce.support;

import app.ecommerce.auth.Argon2Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database of the original FastAPI system, built by the test that needs one, in that system's
 * schema (its only migration, alembic {@code 2d2131d3d3b4}) and stored the way it stored rows:
 * money as SQLite REAL with float noise (INTEGER when whole), naive UTC timestamps as text with and
 * without microseconds, a passlib argon2id hash, sales holding the same product twice, and the
 * rows its missing validation let in (an item of quantity 0, an item of an unknown product, a sale
 * of an unknown user). The figures an import must give are kept here from the intended values
 * (cents, units, instants), never read back from the file.
 */
public final class LegacyDatabase {
  public static final String EMAIL = "fadi@fahadbaig.com";
  public static final String PASSWORD = "Hello123!@";
  /** passlib's argon2 defaults, which the original hashed with. */
  static final Argon2Hashing PASSLIB_ARGON2 = new Argon2Hashing(65_536, 3, 4);

  private static final String[] SCHEMA = {
      "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
          + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
      "INSERT INTO alembic_version VALUES ('2d2131d3d3b4')",
      "CREATE TABLE category (id INTEGER NOT NULL, category_name VARCHAR(50) NOT NULL,"
          + " category_slug VARCHAR(50) NOT NULL, created_at TIMESTAMP, PRIMARY KEY (id))",
      "CREATE UNIQUE INDEX ix_category_category_slug ON category (category_slug)",
      "CREATE TABLE user (id INTEGER NOT NULL, first_name VARCHAR(50) NOT NULL, last_name VARCHAR(50) NOT NULL,"
          + " email VARCHAR(50) NOT NULL, hashed_password VARCHAR(255) NOT NULL, is_active INTEGER NOT NULL,"
          + " timezone VARCHAR(50), last_login TIMESTAMP, created_at TIMESTAMP NOT NULL,"
          + " updated_at TIMESTAMP NOT NULL, PRIMARY KEY (id))",
      "CREATE UNIQUE INDEX ix_user_email ON user (email)",
      "CREATE TABLE product (id INTEGER NOT NULL, product_name VARCHAR(50) NOT NULL, description TEXT,"
          + " category_id INTEGER NOT NULL, price DECIMAL(10, 2) NOT NULL, quantity INTEGER,"
          + " is_active INTEGER NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,"
          + " PRIMARY KEY (id), FOREIGN KEY(category_id) REFERENCES category (id))",
      "CREATE TABLE sale (id INTEGER NOT NULL, user_id INTEGER NOT NULL, total_amount DECIMAL(10, 2) NOT NULL,"
          + " created_at TIMESTAMP NOT NULL, PRIMARY KEY (id), FOREIGN KEY(user_id) REFERENCES user (id))",
      "CREATE INDEX ix_sale_created_at ON sale (created_at)",
      "CREATE TABLE inventory (id INTEGER NOT NULL, product_id INTEGER NOT NULL, quantity INTEGER,"
          + " created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, PRIMARY KEY (id),"
          + " FOREIGN KEY(product_id) REFERENCES product (id))",
      "CREATE TABLE sale_item (id INTEGER NOT NULL, sale_id INTEGER NOT NULL, product_id INTEGER NOT NULL,"
          + " quantity INTEGER NOT NULL, price_per_unit DECIMAL(10, 2) NOT NULL, PRIMARY KEY (id),"
          + " FOREIGN KEY(product_id) REFERENCES product (id), FOREIGN KEY(sale_id) REFERENCES sale (id))"};

  /** A product; {@code stored} is the price as the original's driver bound it (a double, or a long when whole). */
  public record Product(long id, String name, long categoryId, long cents, Object stored) {
  }

  /** A sale item that the import keeps. */
  public record Item(long productId, long quantity, long cents) {
  }

  /** A sale that the import keeps: its naive UTC time and its items. */
  public record Sale(long id, LocalDateTime at, List<Item> items) {
  }

  public static final Map<Long, String> CATEGORIES = Map.of(1L, "Electronics", 2L, "Clothing", 3L, "Home & Kitchen");
  public static final List<Product> PRODUCTS = List.of(
      new Product(1, "iPhone 13 Pro", 1, 99_999, 999.99),
      new Product(2, "Samsung Galaxy Z Fold 3", 1, 149_999, 1499.99),
      new Product(3, "USB-C cable", 1, 30, 0.1 + 0.2),          // 0.30000000000000004
      new Product(4, "Nike Air Max 90", 2, 1_999, 19.99),
      new Product(5, "Nerf Elite Blaster", 2, 2_000, 20L),        // whole: INTEGER, as product 20 of the seed
      new Product(6, "Coffee maker", 3, 330, 1.1 + 2.2),          // 3.3000000000000003
      new Product(7, "The Silent Patient", 3, 1_099, 10.99));
  /** Units left in inventory batches per product (product 7 has none). */
  public static final Map<Long, Long> STOCK = Map.of(1L, 12L, 2L, 0L, 3L, 140L, 4L, 55L, 5L, 9L, 6L, 31L);
  /** The kept sale with microseconds, as the original wrote the one sale it did not randomise. */
  public static final LocalDateTime PRECISE = LocalDateTime.parse("2023-10-02T17:37:38.734705");

  /** The sales and items the import keeps, in id order. */
  public final List<Sale> sales = new ArrayList<>();
  public final int skippedSales = 1;
  public final int skippedItems = 3;
  public final Path file;

  private LegacyDatabase(Path file) {
    this.file = file;
  }

  /** Writes a new legacy database at {@code dir/legacy.sqlite3}. */
  public static LegacyDatabase create(Path dir) throws SQLException {
    LegacyDatabase db = new LegacyDatabase(dir.resolve("legacy.sqlite3"));
    try {
      Files.deleteIfExists(db.file);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
      }
      db.write(c);
      c.commit();
    }
    return db;
  }

  private void write(Connection c) throws SQLException {
    try (PreparedStatement category = c.prepareStatement("INSERT INTO category VALUES (?, ?, ?, ?)")) {
      for (long id : new TreeMap<>(CATEGORIES).keySet()) {
        // hand-inserted rows: no microseconds; created_at may be NULL
        bind(category, id, CATEGORIES.get(id), slug(CATEGORIES.get(id)), id == 3 ? null : "2023-01-0" + id + " 12:00:00");
        category.executeUpdate();
      }
    }
    try (PreparedStatement user = c.prepareStatement("INSERT INTO user VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bind(user, 1, "Muhammad Fahad", "Baig", EMAIL, PASSLIB_ARGON2.hash(PASSWORD), 1, "Asia/Karachi",
          "2023-10-03 09:38:09.006807", "2023-10-01 10:00:00.000000", "2023-10-03 09:38:09.006807");
      user.executeUpdate();
    }
    try (PreparedStatement product = c.prepareStatement("INSERT INTO product VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Product p : PRODUCTS) {
        bind(product, p.id(), p.name(), "About " + p.name(), p.categoryId(), p.stored(), STOCK.getOrDefault(p.id(), 0L),
            1, "2023-01-" + (10 + p.id()) + " 12:00:00", "2023-01-" + (10 + p.id()) + " 12:00:00");
        product.executeUpdate();
      }
    }
    try (PreparedStatement batch = c.prepareStatement("INSERT INTO inventory VALUES (?, ?, ?, ?, ?)")) {
      long id = 1;
      for (Product p : PRODUCTS) {
        Long left = STOCK.get(p.id());
        if (left == null) {
          continue;
        }
        // FIFO batches: an emptied one (kept at 0, as the original did) and the rest
        bind(batch, id++, p.id(), 0, "2022-01-01 08:00:00", "2022-06-01 08:00:00.000000");
        batch.executeUpdate();
        bind(batch, id++, p.id(), left, "2022-06-01 08:00:00", "2024-09-01 08:00:00.123456");
        batch.executeUpdate();
      }
    }
    writeSales(c);
  }

  /**
   * 90 kept sales from 2022-01-02 to 2024-09-25: at midnight with ".000000", as the original's
   * randomiser left them, a few hand-inserted without fraction, one at {@link #PRECISE}; every
   * third sale has two items, every ninth the same product twice. Then the rows the import skips.
   */
  private void writeSales(Connection c) throws SQLException {
    try (PreparedStatement sale = c.prepareStatement("INSERT INTO sale VALUES (?, ?, ?, ?)");
         PreparedStatement item = c.prepareStatement("INSERT INTO sale_item VALUES (?, ?, ?, ?, ?)")) {
      long itemId = 1;
      LocalDateTime first = LocalDateTime.parse("2022-01-02T00:00:00");
      for (int n = 0; n < 90; n++) {
        long saleId = n + 1;
        LocalDateTime at = n == 89 ? LocalDateTime.parse("2024-09-25T00:00:00")
            : n == 50 ? PRECISE : first.plusDays(n * 11L).plusHours(n % 5 == 0 ? 0 : n % 24);
        String text = n == 50 ? "2023-10-02 17:37:38.734705"
            : at.toLocalDate() + " " + at.toLocalTime() + (at.getHour() == 0 ? ":00.000000" : ":00");
        List<Item> items = new ArrayList<>();
        Product p = PRODUCTS.get(n % PRODUCTS.size());
        items.add(new Item(p.id(), 1 + n % 2, p.cents()));
        if (n % 3 == 0) {
          Product q = n % 9 == 0 ? p : PRODUCTS.get((n * 5 + 2) % PRODUCTS.size());
          items.add(new Item(q.id(), 1 + n % 3, q.cents()));
        }
        long totalCents = 0;
        for (Item i : items) {
          Product of = PRODUCTS.get((int) i.productId() - 1);
          bind(item, itemId++, saleId, i.productId(), i.quantity(), of.stored());
          item.executeUpdate();
          totalCents += i.quantity() * i.cents();
        }
        if (n == 20) {
          // the original let a quantity of 0 through, and an item of a product that no longer exists
          bind(item, itemId++, saleId, 4, 0, 19.99);
          item.executeUpdate();
          bind(item, itemId++, saleId, 999, 1, 5.0);
          item.executeUpdate();
        }
        bind(sale, saleId, 1, totalCents / 100.0, text);
        sale.executeUpdate();
        sales.add(new Sale(saleId, at, List.copyOf(items)));
      }
      // a sale of a user that does not exist, with one item
      bind(sale, 91, 42, 19.99, "2024-01-01 00:00:00.000000");
      sale.executeUpdate();
      bind(item, itemId, 91, 4, 1, 19.99);
      item.executeUpdate();
    }
  }

  /** Units sold per product over the kept sales. */
  public Map<Long, Long> sold() {
    Map<Long, Long> sold = new TreeMap<>();
    sales.forEach(s -> s.items().forEach(i -> sold.merge(i.productId(), i.quantity(), Long::sum)));
    return sold;
  }

  public int itemCount() {
    return sales.stream().mapToInt(s -> s.items().size()).sum();
  }

  public static Product product(long id) {
    return PRODUCTS.get((int) id - 1);
  }

  private static String slug(String name) {
    return name.toLowerCase().replace(" & ", "-").replace(' ', '-');
  }

  private static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
  }
}
