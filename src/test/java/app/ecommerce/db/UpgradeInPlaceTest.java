package app.ecommerce.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.catalog.ProductSearch;
import app.ecommerce.support.Api;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database created by the release before issue 28 (schema version 26.1), holding a catalog,
 * stock, a ledger and a sale, is upgraded in place when the new version starts: nothing is lost
 * and what the new version adds works on the old rows (search over products written before the
 * search columns existed).
 */
abstract class UpgradeInPlaceTest {
  static final String BEFORE_ISSUE_28 = "26.1";

  protected abstract TestDatabase newDatabase();

  private static void migrateTo(TestDatabase db, String version) {
    DatabaseUrl url = DatabaseUrl.parse(db.url());
    var configuration = Flyway.configure().target(version)
        .locations("classpath:sql/" + (url.engine() == DatabaseUrl.Engine.SQLITE ? "sqlite" : "mysql"));
    if (url.engine() == DatabaseUrl.Engine.SQLITE) {
      configuration.dataSource(Database.sqliteDataSource(url));
    } else {
      configuration.dataSource(url.jdbcUrl(), url.user(), url.password());
    }
    configuration.load().migrate();
  }

  @Test
  void anExistingDatabaseUpgradesInPlaceWithNothingLost() {
    TestDatabase db = newDatabase();
    migrateTo(db, BEFORE_ISSUE_28);
    Sql sql = new Sql(db);
    long t = 1_700_000_000_000_000L;
    sql.update("INSERT INTO users (id, first_name, last_name, email, password_hash, role, is_active, timezone,"
        + " created_at, updated_at) VALUES (900, 'Old', 'Buyer', 'old@test.example', 'x', 'customer', 1, 'UTC', ?, ?)", t, t);
    sql.update("INSERT INTO categories (id, category_name, category_slug, created_at) VALUES (7, 'Desserts', 'desserts', ?)", t);
    sql.update("INSERT INTO products (id, product_name, description, category_id, price_cents, is_active, created_at,"
        + " updated_at) VALUES (70, 'Crème brûlée kit', 'Torch included', 7, 1999, 1, ?, ?)", t, t);
    sql.update("INSERT INTO inventories (product_id, quantity, updated_at) VALUES (70, 8, ?)", t);
    sql.update("INSERT INTO sales (id, user_id, total_cents, created_at) VALUES (300, 900, 3998, ?)", t);
    sql.update("INSERT INTO sale_items (id, sale_id, product_id, quantity, price_cents, created_at)"
        + " VALUES (301, 300, 70, 2, 1999, ?)", t);
    sql.update("INSERT INTO inventory_movements (product_id, delta, reason, sale_id, user_id, created_at)"
        + " VALUES (70, 10, 'restock', NULL, NULL, ?)", t);
    sql.update("INSERT INTO inventory_movements (product_id, delta, reason, sale_id, user_id, created_at)"
        + " VALUES (70, -2, 'sale', 300, 900, ?)", t);

    try (TestServer server = TestServer.start(db)) {
      Api api = server.api();
      JsonObject product = Expect.ok(api.get("get_product").query("product_id", 70).send());
      assertEquals("Crème brûlée kit", product.getString("product_name"));
      assertEquals("19.99", product.getString("price"));
      assertEquals(8L, product.getLong("quantity"));
      JsonObject found = Expect.ok(api.get("get_products").query("q", "creme BRULEE").send());
      assertEquals(List.of(70L), found.getJsonArray("products").stream()
          .map(p -> ((JsonObject) p).getLong("id")).toList());
      // the ledger written before keeps its rows and ids, and takes adjustments now
      String admin = server.adminToken();
      Expect.ok(api.put("adjust_inventory").token(admin).json(new JsonObject().put("product_id", 70)
          .put("change", -1).put("note", "Cracked ramekin")).send());
      JsonObject ledger = Expect.ok(api.get("get_inventory_movements").token(admin).query("product_id", 70).send());
      assertEquals(List.of("adjustment", "sale", "restock"), ledger.getJsonArray("movements").stream()
          .map(m -> ((JsonObject) m).getString("reason")).toList());
      assertEquals(300L, ledger.getJsonArray("movements").getJsonObject(1).getLong("sale_id"));
      Sql after = new Sql(server.db());
      assertEquals(1L, after.number("SELECT COUNT(*) FROM sales WHERE id = 300 AND total_cents = 3998"));
      assertEquals(1L, after.number("SELECT COUNT(*) FROM sale_items WHERE sale_id = 300"));
      assertEquals(7L, after.number("SELECT SUM(delta) FROM inventory_movements WHERE product_id = 70"));
      assertEquals(7L, after.number("SELECT quantity FROM inventories WHERE product_id = 70"));
      assertEquals(1L, after.number("SELECT COUNT(*) FROM users WHERE email = 'old@test.example'"));
    }
  }

  /** V32_7 indexes the words of a catalog already written (MariaDB's search_terms, built in the migration). */
  @Test
  void aCatalogWrittenBeforeTheSearchTermsIsFoundAfterThem() {
    TestDatabase db = newDatabase();
    migrateTo(db, "32.6");
    Sql sql = new Sql(db);
    long t = 1_700_000_000_000_000L;
    sql.update("INSERT INTO categories (id, category_name, category_slug, created_at) VALUES (7, 'Desserts', 'desserts', ?)", t);
    String[][] products = {{"70", "Crème brûlée kit", "Torch included"}, {"71", "Kitchen torch", null}};
    for (String[] p : products) {
      sql.update("INSERT INTO products (id, product_name, description, category_id, price_cents, is_active, created_at,"
          + " updated_at, search_text, search_words, name_words) VALUES (?, ?, ?, 7, 1999, 1, ?, ?, ?, ?, ?)",
          Long.parseLong(p[0]), p[1], p[2], t, t, ProductSearch.stored(p[1], p[2]), ProductSearch.indexed(p[1], p[2]),
          ProductSearch.indexed(p[1]));
      sql.update("INSERT INTO inventories (product_id, quantity, updated_at) VALUES (?, 8, ?)", Long.parseLong(p[0]), t);
    }

    try (TestServer server = TestServer.start(db)) {
      Api api = server.api();
      assertEquals(List.of(70L), ids(Expect.ok(api.get("get_products").query("q", "creme BRULEE").send())));
      // relevance: the name match first
      assertEquals(List.of(71L, 70L), ids(Expect.ok(api.get("get_products").query("q", "torch").send())));
      assertEquals(List.of(70L, 71L), ids(Expect.ok(api.get("get_products").query("q", "kit").send())));
    }
  }

  private static List<Long> ids(JsonObject data) {
    return data.getJsonArray("products").stream().map(p -> ((JsonObject) p).getLong("id")).toList();
  }
}
