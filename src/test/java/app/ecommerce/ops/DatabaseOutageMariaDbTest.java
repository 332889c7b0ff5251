package app.ecommerce.ops;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TcpProxy;
import app.ecommerce.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away (connections cut) or hangs (connections frozen) under a running server:
 * callers get 503 with Retry-After, never 500, /ready says 503, /health stays 200, and service
 * comes back by itself within 10 seconds of the database returning. Every 2xx purchase is kept.
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class DatabaseOutageMariaDbTest extends EngineTest {
  private TestDatabase db;
  private TcpProxy proxy;
  private String admin;
  private String customer;
  private long product;
  private final List<Long> acknowledgedSales = new ArrayList<>();

  /** The server reaches its database through the proxy; the proxy closes with the database. */
  @Override
  protected TestDatabase newDatabase() {
    db = TestDatabase.mariadb();
    TestDatabase.Proxied proxied = db.throughProxies(1);
    proxy = proxied.proxies().get(0);
    return proxied.database();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("DB_CONNECT_TIMEOUT_SECONDS", "2");
  }

  @BeforeAll
  void stock() {
    admin = server.adminToken();
    customer = server.newCustomerToken();
    product = CatalogFixtures.product(api, admin, "Outage stock", "1.00");
    CatalogFixtures.stock(api, admin, product, 1_000);
  }

  @Test
  void aDatabaseThatIsDownGives503AndServiceRecoversByItself() throws Exception {
    buyOnce();
    proxy.cut();
    assertUnavailable();
    proxy.restore();
    awaitRecovery();
    buyOnce();
    assertEveryAcknowledgedSaleIsStored();
  }

  @Test
  void aDatabaseThatHangsGives503WithinTheTimeoutAndServiceRecoversByItself() throws Exception {
    buyOnce();
    proxy.freeze();
    assertUnavailable();
    proxy.restore();
    awaitRecovery();
    buyOnce();
    assertEveryAcknowledgedSaleIsStored();
  }

  private void assertUnavailable() {
    for (Api.Call call : List.of(
        api.get("get_products").token(customer),
        api.get("get_product").token(customer).query("product_id", product),
        api.post("purchase_products").token(customer).json(purchase()),
        api.put("add_inventory").token(admin).json(new JsonObject().put("product_id", product).put("quantity", 1)))) {
      Api.Response r = call.send();
      assertNotEquals(500, r.status(), r::toString);
      if (r.status() == 200) {
        continue; // answered from a token cache and a connection that was still alive: fine
      }
      assertEquals(503, r.status(), r::toString);
      assertEquals(false, r.json().getBoolean("success"));
      assertTrue(Long.parseLong(r.header("Retry-After")) > 0);
    }
    Api.Response ready = api.get("/ready").send();
    assertEquals(503, ready.status(), ready::toString);
    assertEquals(200, api.get("/health").send().status());
  }

  private void awaitRecovery() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Api.Response last = null;
    while (System.nanoTime() < deadline) {
      last = api.get("get_product").token(customer).query("product_id", product).send();
      if (last.status() == 200 && api.get("/ready").send().status() == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no recovery within 10 s of the database returning; last answer " + last);
  }

  private void buyOnce() {
    Api.Response r = api.post("purchase_products").token(customer).json(purchase()).send();
    assertEquals(200, r.status(), r::toString);
    acknowledgedSales.add(r.data().getLong("id"));
  }

  private JsonObject purchase() {
    return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", 1)));
  }

  private void assertEveryAcknowledgedSaleIsStored() {
    for (long sale : acknowledgedSales) {
      assertEquals(1, new Sql(db).number("SELECT COUNT(*) FROM sales WHERE id = ?", sale));
    }
    Sql.StockState state = new Sql(db).stock(product);
    assertEquals(state.stock(), state.ledger());
    assertEquals(state.restocked(), state.stock() + state.sold());
  }
}
