package app.ecommerce.catalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link CatalogJson} reads product rows by the positions it found for the last column layout it
 * saw: a result whose columns come in another order must be read by its own names, and the
 * original order again after it. Real rows of a real SQLite database with the demo data.
 */
class CatalogJsonTest extends EngineTest {
  /** {@link ProductRepository#FIND_ANY} with the columns of its SELECT in the reverse order. */
  private static final String REVERSED = "SELECT c.category_slug, c.category_name, i.updated_at AS stock_updated_at,"
      + " i.quantity, p.updated_at, p.created_at, p.is_active, p.price_cents, p.category_id, p.description,"
      + " p.product_name, p.id"
      + ProductRepository.FIND_ANY.substring(ProductRepository.FIND_ANY.indexOf(" FROM "));
  private static final ZoneId ZONE = ZoneOffset.ofHours(5);


  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("DEMO_DATA", "true");
  }

  @Test
  void rowsInAnotherColumnOrderAreReadByTheirOwnNames() throws Exception {
    JsonObject first = productWithInventory(ProductRepository.FIND_ANY, 1);
    JsonObject reversed = productWithInventory(REVERSED, 1);
    JsonObject again = productWithInventory(ProductRepository.FIND_ANY, 1);

    assertEquals(first, reversed);
    assertEquals(first, again);
    assertEquals(1L, first.getLong("id"));
    assertEquals("iPhone 13 Pro", first.getString("product_name"));
    assertEquals("999.99", first.getString("price"));
    assertEquals(first.getLong("quantity"), first.getJsonObject("inventory").getLong("quantity"));
    assertEquals("+05:00", first.getString("created_at").substring(19));

    JsonObject other = productWithInventory(REVERSED, 2);
    assertEquals(2L, other.getLong("id"));
    JsonArray list = products(REVERSED, 2);
    assertEquals(1, list.size());
    other.remove("inventory");
    assertEquals(other, list.getJsonObject(0));
  }

  private JsonObject productWithInventory(String sql, long id) throws Exception {
    return CatalogJson.productWithInventory(CatalogJson.productRow(query(sql, id).iterator().next()), ZONE);
  }

  private JsonArray products(String sql, long id) throws Exception {
    return CatalogJson.products(query(sql, id), ZONE);
  }

  private RowSet<Row> query(String sql, long id) throws Exception {
    return server.app().db().pool().preparedQuery(sql).execute(Tuple.of(id)).await(10, TimeUnit.SECONDS);
  }
}
