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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DATABASE_URL with two hosts, each a proxy in front of the same MariaDB (two "nodes" of one
 * cluster, as far as the server can tell): connections spread over both; with one node gone every
 * purchase still commits through the other, at once; a node that comes back is used again (the
 * other is then cut, and purchases still commit). Every acknowledged sale is stored, the ledger
 * equals the stock.
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class DatabaseNodesMariaDbTest extends EngineTest {
  private TestDatabase db;
  private TcpProxy first;
  private TcpProxy second;
  private String customer;
  private long product;
  private final List<Long> acknowledgedSales = new ArrayList<>();

  /** The server's DATABASE_URL names two "nodes": two proxies to the one real database. */
  @Override
  protected TestDatabase newDatabase() {
    db = TestDatabase.mariadb();
    TestDatabase.Proxied proxied = db.throughProxies(2);
    first = proxied.proxies().get(0);
    second = proxied.proxies().get(1);
    return proxied.database();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("DB_CONNECT_TIMEOUT_SECONDS", "2");
  }

  @BeforeAll
  void stock() {
    String admin = server.adminToken();
    customer = server.newCustomerToken();
    product = CatalogFixtures.product(api, admin, "Two nodes stock", "1.00");
    CatalogFixtures.stock(api, admin, product, 1_000);
  }

  @Test
  void purchasesGoOnThroughTheLiveNodeAndANodeThatComesBackIsUsedAgain() throws Exception {
    for (int i = 0; i < 10; i++) {
      buyOnce();
    }
    assertTrue(first.forwarded() > 0 && second.forwarded() > 0,
        "connections went to both nodes: " + first.forwarded() + " and " + second.forwarded());

    first.cut();
    for (int i = 0; i < 30; i++) {
      buyOnce(); // no waiting for the monitor: a purchase whose connection broke runs again on the other node
    }
    awaitReady();

    first.restore();
    Thread.sleep(2_500); // the monitor probes every second
    int before = first.forwarded();
    second.cut();
    for (int i = 0; i < 30; i++) {
      buyOnce();
    }
    awaitReady();
    assertTrue(first.forwarded() > before, "the node that came back took new connections");
    second.restore();

    for (long sale : acknowledgedSales) {
      assertEquals(1, new Sql(db).number("SELECT COUNT(*) FROM sales WHERE id = ?", sale));
    }
    Sql.StockState state = new Sql(db).stock(product);
    assertEquals(1_000 - 70, state.stock());
    assertEquals(state.stock(), state.ledger());
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Api.Response last = null;
    while (System.nanoTime() < deadline) {
      last = api.get("/ready").send();
      if (last.status() == 200
          && api.get("get_product").token(customer).query("product_id", product).send().status() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not ready within 10 s on the remaining node; last answer " + last);
  }

  private void buyOnce() {
    JsonObject purchase = new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", 1)));
    Api.Response r = api.post("purchase_products").token(customer).json(purchase).send();
    assertEquals(200, r.status(), r::toString);
    acknowledgedSales.add(r.data().getLong("id"));
  }
}
