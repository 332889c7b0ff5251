package app.ecommerce.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code demo-data --products N}: N generated products beside the 25 demo ones, in the demo and
 * 20 more categories, searchable at once (their search columns written with them), with stock
 * that equals the ledger, and a progress line.
 */
abstract class GeneratedCatalogTest extends EngineTest {
  private static final int PRODUCTS = 3_000;

  @Override
  protected Map<String, String> settings() {
    return Map.of("DEMO_DATA", "false");
  }

  @Test
  void generatedProductsAreListedSearchableAndLedgered() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    new DemoData(server.app().config(), new PrintStream(printed, true, StandardCharsets.UTF_8)).generate(20, PRODUCTS);
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Writing products: 100% (3000/3000)"), printed::toString);

    Sql sql = new Sql(server.db());
    assertEquals(25 + PRODUCTS, sql.number("SELECT COUNT(*) FROM products"));
    assertEquals(25, sql.number("SELECT COUNT(*) FROM categories"));
    assertEquals(0, sql.number("SELECT COUNT(*) FROM products WHERE search_words IS NULL OR search_text IS NULL"
        + " OR name_words IS NULL"));
    assertEquals(0, sql.number("SELECT COUNT(*) FROM inventories i WHERE i.quantity <> (SELECT COALESCE(SUM(m.delta), 0)"
        + " FROM inventory_movements m WHERE m.product_id = i.product_id)"));
    assertEquals(25 + PRODUCTS, sql.number("SELECT COUNT(*) FROM inventories"));
    long active = sql.number("SELECT COUNT(*) FROM products WHERE is_active = 1");
    assertTrue(active > PRODUCTS * 0.9 && active < 25 + PRODUCTS, "active: " + active);

    JsonObject lamps = api.get("get_products").query("q", "lamp").query("order_by", "id").query("per_page", 100).send()
        .data();
    assertTrue(lamps.getJsonArray("products").size() > 0, lamps::toString);
    lamps.getJsonArray("products").forEach(p -> assertTrue(((JsonObject) p).getString("product_name")
        .toLowerCase().contains("lamp") || String.valueOf(((JsonObject) p).getString("description"))
        .toLowerCase().contains("lamp"), p::toString));
    JsonObject accented = api.get("get_products").query("q", "creme brulee").send().data();
    assertTrue(accented.getLong("total") > 0, accented::toString);
    JsonObject all = api.get("get_products").send().data();
    assertEquals(1000, all.getLong("total"));
    assertEquals(true, all.getBoolean("total_capped"));
  }

  /**
   * {@code demo-data --sales 0}: no sale, and still every demo product's stock in the ledger as
   * its restock (the restocks are written with the sales, so a run without sales must still write
   * them).
   */
  @Test
  void withoutSalesEveryStockIsStillInTheLedger() throws Exception {
    new DemoData(server.app().config(), new PrintStream(OutputStream.nullOutputStream())).generate(0, 0);
    Sql sql = new Sql(server.db());
    assertEquals(0, sql.number("SELECT COUNT(*) FROM sales"));
    assertEquals(25, sql.number("SELECT COUNT(*) FROM inventory_movements WHERE reason = 'restock'"));
    assertEquals(0, sql.number("SELECT COUNT(*) FROM inventories i WHERE i.quantity <> (SELECT COALESCE(SUM(m.delta), 0)"
        + " FROM inventory_movements m WHERE m.product_id = i.product_id)"));
  }

  /**
   * The generator writes its products' search_terms rows itself, in one sorted pass per batch,
   * not through the insert trigger (BulkSearchTerms): they must be exactly the rows the trigger
   * writes. The same products inserted again under other ids by a plain INSERT go through the
   * trigger, which must still be there for every other writer afterwards; both sets of rows are
   * compared. Searches of one and of several words, and of prefixes, find the generated products
   * the stored words say they should.
   */
  @Test
  void generatedSearchTermsAreTheTriggersRows() throws Exception {
    new DemoData(server.app().config(), new PrintStream(OutputStream.nullOutputStream())).generate(20, 2_000);
    Sql sql = new Sql(server.db());
    long shift = 1_000_000;
    sql.update("INSERT INTO products (id, product_name, description, category_id, price_cents, is_active, created_at,"
        + " updated_at, search_text, search_words, name_words) SELECT id + " + shift + ", product_name, description,"
        + " category_id, price_cents, is_active, created_at, updated_at, search_text, search_words, name_words"
        + " FROM products WHERE id > 25");

    List<String> generated = terms(sql, "SELECT term, product_id, words, names FROM search_terms"
        + " WHERE product_id > 25 AND product_id < " + shift + " ORDER BY term, product_id");
    List<String> byTrigger = terms(sql, "SELECT term, product_id - " + shift + ", words, names FROM search_terms"
        + " WHERE product_id > " + shift + " ORDER BY term, product_id");
    assertTrue(generated.size() > 2_000 * 10, "rows: " + generated.size());
    assertEquals(byTrigger.size(), generated.size());
    for (int i = 0; i < generated.size(); i++) {
      assertEquals(byTrigger.get(i), generated.get(i), "row " + i);
    }
    // a term with several words of one product, merged in the words' order (",lamp,lamps," style)
    assertTrue(generated.stream().anyMatch(row -> row.split("\\|")[2].chars().filter(ch -> ch == ',').count() > 2),
        "no term holds two words of one product");
    sql.update("DELETE FROM search_terms WHERE product_id > " + shift);
    sql.update("DELETE FROM products WHERE id > " + shift);

    for (String q : List.of("walnut", "nord bamb", "compact steel kettle", "cre")) {
      JsonObject found = api.get("get_products").query("q", q).query("per_page", 100).send().data();
      StringBuilder like = new StringBuilder("SELECT COUNT(*) FROM products WHERE is_active = 1");
      for (String word : q.split(" ")) {
        like.append(" AND search_words LIKE '% ").append(word).append("%'");
      }
      long expected = sql.number(like.toString());
      assertTrue(expected > 0 || q.split(" ").length == 3, q + ": nothing to find");
      assertEquals(expected, found.getLong("total"), q + ": " + found);
    }
  }

  private static List<String> terms(Sql sql, String select) {
    return sql.rows(select).stream().map(row -> {
      List<Object> values = List.copyOf(row.values());
      return values.get(0) + "|" + ((Number) values.get(1)).longValue() + "|" + values.get(2) + "|" + values.get(3);
    }).toList();
  }
}
