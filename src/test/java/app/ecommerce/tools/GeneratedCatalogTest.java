package app.ecommerce.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
