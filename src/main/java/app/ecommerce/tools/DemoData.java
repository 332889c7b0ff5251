package app.ecommerce.tools;

import app.ecommerce.auth.Argon2Hashing;
import app.ecommerce.catalog.ProductSearch;
import app.ecommerce.config.AppConfig;
import app.ecommerce.db.Database;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.sales.impl.TotalsRebuild;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;

/**
 * Demo data: the original system's catalog (5 categories, 25 products), a demo admin and a demo
 * customer, and {@code sales} sales spread over the last three years with 1–2 lines of 1–2 units
 * each, as the original's generator made them. Deterministic for a given size and day. Written
 * directly with JDBC in batches (a blocking tool, never run on an event loop); stock and the
 * ledger are consistent: restocked = sold + remaining.
 */
public final class DemoData {
  public static final String ADMIN_EMAIL = "admin@example.com";
  public static final String ADMIN_PASSWORD = "Admin123!";
  public static final String CUSTOMER_EMAIL = "customer@example.com";
  public static final String CUSTOMER_PASSWORD = "Customer123!";
  public static final int DEFAULT_SALES = 2000;
  static final long SEED = 20231001L;
  private static final int SALES_PER_COMMIT = 5_000;
  private static final long DAY_MICROS = 86_400_000_000L;

  private final AppConfig config;
  private final PrintStream out;

  public DemoData(AppConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public static Connection connect(DatabaseUrl url) throws SQLException {
    return url.engine() == DatabaseUrl.Engine.SQLITE
        ? Database.sqliteDataSource(url).getConnection()
        : DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
  }

  /** True when the database already holds products or sales (regenerating would replace them). */
  public boolean hasData() throws SQLException {
    try (Connection c = connect(DatabaseUrl.parse(config.databaseUrl()));
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(BulkRows.HAS_DATA)) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  /** Replaces the catalog, stock and sales with freshly generated demo data. */
  public void generate(int sales) throws SQLException {
    generate(sales, 0);
  }

  /**
   * Replaces the catalog, stock and sales with freshly generated demo data, and adds
   * {@code products} generated products to the demo catalog (GeneratedCatalog).
   */
  public void generate(int sales, int products) throws SQLException {
    Catalog catalog = Catalog.load();
    Plan plan = Plan.make(catalog, sales, Times.nowMicros());
    try (Connection c = connect(DatabaseUrl.parse(config.databaseUrl()))) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String sql : BulkRows.WIPE) {
          s.executeUpdate(sql);
        }
      }
      long adminId = upsertUser(c, "Demo", "Admin", ADMIN_EMAIL, ADMIN_PASSWORD, "admin", plan.start);
      long customerId = upsertUser(c, "Demo", "Customer", CUSTOMER_EMAIL, CUSTOMER_PASSWORD, "customer", plan.start);
      writeCatalog(c, catalog, plan, adminId);
      ProductSearch.fillMissing(c);
      c.commit();
      boolean mysql = DatabaseUrl.parse(config.databaseUrl()).engine() != DatabaseUrl.Engine.SQLITE;
      if (mysql) {
        // the generator writes every parent before its children and every id once, so InnoDB's
        // per-row foreign-key and unique look-ups can be skipped for the bulk of the rows
        try (Statement s = c.createStatement()) {
          s.execute(BulkRows.FAST_BULK);
        }
      }
      writeSales(c, catalog, plan, adminId, customerId, mysql);
      if (mysql) {
        out.println("Committing the sales (InnoDB builds the tables' indexes now) ...");
      }
      c.commit();
      if (products > 0) {
        GeneratedCatalog.write(c, mysql, products, catalog.categories.size() + 1L, catalog.products.size() + 1L, adminId,
            plan.now, out);
      }
      if (mysql) {
        try (Statement s = c.createStatement()) {
          s.execute(BulkRows.CHECKED);
        }
      }
      rebuildTotals(c, DatabaseUrl.parse(config.databaseUrl()), out);
    }
    out.println("Demo data: " + (catalog.products.size() + products) + " products, " + sales + " sales with "
        + plan.itemCount + " sale items. Log in as " + ADMIN_EMAIL + " (admin) or " + CUSTOMER_EMAIL
        + " (customer) with the demo passwords the README gives.");
  }

  private long upsertUser(Connection c, String first, String last, String email, String password, String role,
                          long now) throws SQLException {
    String hash = Argon2Hashing.configured(config).hash(password);
    try (PreparedStatement find = c.prepareStatement(BulkRows.FIND_USER)) {
      find.setString(1, email);
      try (ResultSet rs = find.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          try (PreparedStatement update = c.prepareStatement(BulkRows.UPDATE_USER)) {
            update.setString(1, hash);
            update.setString(2, role);
            update.setLong(3, now);
            update.setLong(4, id);
            update.executeUpdate();
          }
          return id;
        }
      }
    }
    try (PreparedStatement insert = c.prepareStatement(BulkRows.INSERT_USER)) {
      Object[] values = {first, last, email, hash, role, 1, "UTC", null, now, now};
      BulkRows.bind(insert, 0, values);
      insert.executeUpdate();
    }
    try (PreparedStatement find = c.prepareStatement(BulkRows.FIND_USER)) {
      find.setString(1, email);
      try (ResultSet rs = find.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void writeCatalog(Connection c, Catalog catalog, Plan plan, long adminId) throws SQLException {
    long created = plan.start - DAY_MICROS;
    try (PreparedStatement category = c.prepareStatement(BulkRows.INSERT_CATEGORY)) {
      for (int i = 0; i < catalog.categories.size(); i++) {
        JsonObject cat = catalog.categories.getJsonObject(i);
        BulkRows.bind(category, 0, new Object[] {i + 1L, cat.getString("category_name"), cat.getString("category_slug"), created});
        category.executeUpdate();
      }
    }
    try (PreparedStatement product = c.prepareStatement(BulkRows.INSERT_PRODUCT);
         PreparedStatement stock = c.prepareStatement(BulkRows.INSERT_INVENTORY)) {
      for (int p = 0; p < catalog.products.size(); p++) {
        JsonObject prod = catalog.products.getJsonObject(p);
        BulkRows.bind(product, 0, new Object[] {p + 1L, prod.getString("product_name"), prod.getString("description"),
            catalog.categoryIdOf(prod), catalog.priceCents[p], 1, created, created});
        product.executeUpdate();
        BulkRows.bind(stock, 0, new Object[] {p + 1L, plan.remaining[p], plan.now});
        stock.executeUpdate();
      }
    }
  }

  /**
   * On MariaDB every sale goes in one transaction: the tables are empty and the session's checks
   * are off ({@link BulkRows#FAST_BULK}), which is when InnoDB loads in bulk (no undo log per row,
   * each index built sorted at the commit) instead of row by row; committing every few thousand
   * sales would end that after the first batch. The stock's restocks go first in the same
   * transaction, not with the catalog: a ledger that already holds committed rows is not empty, so
   * its sale rows would be written row by row with an undo record each. SQLite commits every
   * {@value #SALES_PER_COMMIT} sales, so its write-ahead log stays small.
   */
  private void writeSales(Connection c, Catalog catalog, Plan plan, long adminId, long customerId, boolean mysql)
      throws SQLException {
    Progress progress = new Progress("Writing sales", plan.saleCount, out);
    try (BulkInsert sales = rows(c, mysql, BulkRows.INSERT_SALES, BulkRows.SALE_ROW, 4);
         BulkInsert items = rows(c, mysql, BulkRows.INSERT_ITEMS, BulkRows.ITEM_ROW, 6);
         BulkInsert movements = rows(c, mysql, BulkRows.INSERT_MOVEMENTS_BY_ID, BulkRows.MOVEMENT_BY_ID_ROW, 7)) {
      long restocked = plan.start - DAY_MICROS;
      long movementId = 0;
      for (int p = 0; p < catalog.products.size(); p++) {
        movements.add(++movementId, p + 1L, plan.remaining[p] + plan.sold[p], "restock", null, adminId, restocked);
      }
      long itemId = 0;
      for (int s = 0; s < plan.saleCount; s++) {
        long saleId = s + 1L;
        long at = plan.saleTimes[s];
        long total = 0;
        for (int k = plan.firstItem[s]; k < plan.firstItem[s + 1]; k++) {
          total += catalog.priceCents[plan.itemProduct[k]] * plan.itemQuantity[k];
        }
        sales.add(saleId, customerId, total, at);
        for (int k = plan.firstItem[s]; k < plan.firstItem[s + 1]; k++) {
          int p = plan.itemProduct[k];
          items.add(++itemId, saleId, p + 1L, (long) plan.itemQuantity[k], catalog.priceCents[p], at);
          movements.add(++movementId, p + 1L, (long) -plan.itemQuantity[k], "sale", saleId, customerId, at);
        }
        if ((s + 1) % SALES_PER_COMMIT == 0) {
          flush(c, mysql, sales, items, movements);
          progress.update(s + 1);
        }
      }
      // the last sales, or with --sales 0 the restocks alone
      flush(c, mysql, sales, items, movements);
    }
    progress.finish();
  }

  /** Writes the rows added so far, parents first; SQLite commits them (MariaDB commits once, at the end). */
  private static void flush(Connection c, boolean mysql, BulkInsert sales, BulkInsert items, BulkInsert movements)
      throws SQLException {
    sales.flush();
    items.flush();
    movements.flush();
    if (!mysql) {
      c.commit();
    }
  }

  /** MariaDB takes the sales as binary batches ({@link BatchInsert}), SQLite as multi-row INSERTs. */
  private static BulkInsert rows(Connection c, boolean mysql, String prefix, String row, int columns)
      throws SQLException {
    return mysql ? new BatchInsert(c, prefix, row, columns) : new MultiRowInsert(c, prefix, row, columns);
  }

  /**
   * Sums the sales just written into the sales totals in one pass, so that a server does not
   * have to backfill them. Should that fail (sums past 2^63 cents), the totals stay empty and a
   * server folds what it can, answering from the rows meanwhile.
   */
  static void rebuildTotals(Connection c, DatabaseUrl url, PrintStream out) throws SQLException {
    long started = System.nanoTime();
    try {
      long mark = TotalsRebuild.rebuild(c, url.engine() != DatabaseUrl.Engine.SQLITE);
      c.commit();
      out.println("Sales totals: " + mark + " sale items summed per hour and day in "
          + (System.nanoTime() - started) / 1_000_000_000 + " s");
    } catch (SQLException e) {
      c.rollback();
      out.println("Sales totals not rebuilt (" + e.getMessage() + "); the server will fold them instead");
    }
  }

  /** The catalog resource, with prices in cents. */
  static final class Catalog {
    final JsonArray categories;
    final JsonArray products;
    final long[] priceCents;

    private Catalog(JsonObject json) {
      this.categories = json.getJsonArray("categories");
      this.products = json.getJsonArray("products");
      this.priceCents = new long[products.size()];
      for (int p = 0; p < products.size(); p++) {
        priceCents[p] = new BigDecimal(products.getJsonObject(p).getString("price")).movePointRight(2).longValueExact();
      }
    }

    static Catalog load() {
      try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream("demo/catalog.json")) {
        return new Catalog(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException("demo/catalog.json is missing from the jar", e);
      }
    }

    long categoryIdOf(JsonObject product) {
      for (int i = 0; i < categories.size(); i++) {
        if (categories.getJsonObject(i).getString("category_slug").equals(product.getString("category_slug"))) {
          return i + 1L;
        }
      }
      throw new IllegalStateException("unknown category of " + product);
    }
  }

  /** Every generated sale, decided before anything is written so that stock can be set to match. */
  static final class Plan {
    final int saleCount;
    final long now;
    final long start;
    final long[] saleTimes;
    final int[] firstItem;
    final int[] itemProduct;
    final int[] itemQuantity;
    final int itemCount;
    final long[] sold;
    final long[] remaining;

    private Plan(int saleCount, long now, long start, long[] saleTimes, int[] firstItem, int[] itemProduct,
                 int[] itemQuantity, int itemCount, long[] sold, long[] remaining) {
      this.saleCount = saleCount;
      this.now = now;
      this.start = start;
      this.saleTimes = saleTimes;
      this.firstItem = firstItem;
      this.itemProduct = itemProduct;
      this.itemQuantity = itemQuantity;
      this.itemCount = itemCount;
      this.sold = sold;
      this.remaining = remaining;
    }

    static Plan make(Catalog catalog, int saleCount, long nowMicros) {
      Random random = new Random(SEED);
      int products = catalog.products.size();
      long start = Times.toMicros(LocalDate.ofInstant(Times.fromMicros(nowMicros), ZoneOffset.UTC)
          .minusYears(3).atStartOfDay(ZoneOffset.UTC).toInstant());
      long span = nowMicros - start;
      long[] times = new long[saleCount];
      for (int s = 0; s < saleCount; s++) {
        times[s] = start + Math.floorMod(random.nextLong(), span) / 1_000_000 * 1_000_000;
      }
      Arrays.sort(times);
      int[] first = new int[saleCount + 1];
      int[] product = new int[saleCount * 2];
      int[] quantity = new int[saleCount * 2];
      long[] sold = new long[products];
      int k = 0;
      for (int s = 0; s < saleCount; s++) {
        first[s] = k;
        int lines = 1 + random.nextInt(2);
        for (int l = 0; l < lines; l++) {
          product[k] = random.nextInt(products);
          quantity[k] = 1 + random.nextInt(2);
          sold[product[k]] += quantity[k];
          k++;
        }
      }
      first[saleCount] = k;
      long[] remaining = new long[products];
      for (int p = 0; p < products; p++) {
        remaining[p] = 750 + random.nextInt(150);
      }
      return new Plan(saleCount, nowMicros, start, times, first, product, quantity, k, sold, remaining);
    }
  }
}
