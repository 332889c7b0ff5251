package app.ecommerce.ops;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.GaleraCluster;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service on a MariaDB Galera cluster of three nodes on loopback (started once for the class,
 * removed after it): two app nodes, each with DATABASE_URL naming DB nodes 1 and 2 (in opposite
 * orders), so that every hot row is written from two DB nodes. Contention: 200 buyers for 100
 * units give exactly 100 x 200 and 100 x 409. A crash (kill -9) of DB node 1 during a burst:
 * every 200 is committed on the survivors, nothing oversold, ledger = stock on every node, both
 * apps ready again within 10 s, and the node restarted by the documented procedure rejoins by IST
 * and agrees. Idempotency keys, logout and the login throttle hold across the DB nodes. Ten racing
 * first starts of two nodes on an empty database leave ten healthy schemas.
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraMariaDbTest {
  private static final String SCHEMA = "shop";
  private GaleraCluster galera;
  private TestServer first;
  private TestServer second;
  private String admin;

  @BeforeAll
  void start() {
    assumeTrue(GaleraCluster.available(), "MariaDB Galera (galera-4, rsync) is not installed");
    galera = GaleraCluster.start(3);
    galera.createDatabase(SCHEMA);
    Map<String, String> settings = Map.of();
    first = TestServer.start(galera.database(SCHEMA, 1, 2), settings);
    second = TestServer.start(galera.database(SCHEMA, 2, 1), settings);
    admin = first.adminToken();
  }

  @AfterAll
  void stop() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
    if (galera != null) {
      galera.close();
    }
  }

  private static JsonObject buyOne(long product) {
    return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", 1)));
  }

  /** 200 purchases at once, alternately through the two app nodes. */
  private List<CompletableFuture<Api.Response>> burst(long product, List<String> buyers, int count) {
    List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TestServer app = i % 2 == 0 ? first : second;
      answers.add(app.api().post("purchase_products").token(buyers.get(i % buyers.size())).json(buyOne(product)).sendAsync());
    }
    return answers;
  }

  private List<String> buyers(int count) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add((i % 2 == 0 ? first : second).newCustomerToken());
    }
    return tokens;
  }

  private static Map<Integer, Long> statuses(List<Api.Response> responses) {
    return responses.stream().collect(Collectors.groupingBy(Api.Response::status, java.util.TreeMap::new, Collectors.counting()));
  }

  @Test
  @Order(1)
  void twoHundredBuyersForOneHundredUnitsOverTwoDatabaseNodes() throws Exception {
    long product = CatalogFixtures.product(first.api(), admin, "Galera contended", "2.50");
    CatalogFixtures.stock(first.api(), admin, product, 100);
    List<String> buyers = buyers(20);
    List<Api.Response> responses = burst(product, buyers, 200).stream().map(CompletableFuture::join).toList();
    Map<Integer, Long> statuses = statuses(responses);
    System.out.println("Galera contention, 200 buyers for 100 units over two DB nodes: " + statuses
        + "; wsrep_local_bf_aborts " + galera.status(1, "wsrep_local_bf_aborts") + " + " + galera.status(2, "wsrep_local_bf_aborts")
        + ", wsrep_local_cert_failures " + galera.status(1, "wsrep_local_cert_failures") + " + " + galera.status(2, "wsrep_local_cert_failures"));
    assertEquals(Map.of(200, 100L, 409, 100L), statuses, () -> "statuses " + statuses);
    for (int node = 1; node <= 3; node++) {
      assertLedgerAgrees(node, product, 0, 100);
    }
  }

  @Test
  @Order(2)
  void aDatabaseNodeKilledDuringABurstLosesNothingAndRejoinsByIst() throws Exception {
    long product = CatalogFixtures.product(first.api(), admin, "Galera crash", "3.00");
    CatalogFixtures.stock(first.api(), admin, product, 150);
    List<String> buyers = buyers(20);
    List<CompletableFuture<Api.Response>> answers = burst(product, buyers, 200);
    Thread.sleep(150);
    galera.kill(1);
    List<Api.Response> responses = answers.stream().map(CompletableFuture::join).toList();
    long killedAt = System.nanoTime();
    Map<Integer, Long> statuses = statuses(responses);
    long readyMs = awaitReady(first, killedAt);
    readyMs = Math.max(readyMs, awaitReady(second, killedAt));
    System.out.println("Galera crash of DB node 1 during 200 purchases of 150 units: " + statuses
        + "; both apps ready " + readyMs + " ms after the burst ended");
    assertFalse(statuses.containsKey(500), () -> "statuses " + statuses);
    List<Long> committed = responses.stream().filter(r -> r.status() == 200).map(r -> r.data().getLong("id")).toList();
    for (int node = 2; node <= 3; node++) {
      try (Connection c = galera.jdbc(node, SCHEMA)) {
        for (long sale : committed) {
          assertEquals(1, count(c, "SELECT COUNT(*) FROM sales WHERE id = " + sale), "sale " + sale + " on node " + node);
        }
      }
    }
    long sold = soldOn(2, product);
    assertTrue(sold >= committed.size() && sold <= 150, "sold " + sold + " of 150, " + committed.size() + " acknowledged");
    assertLedgerAgrees(2, product, 150 - sold, sold);
    assertLedgerAgrees(3, product, 150 - sold, sold);

    String restarted = galera.restart(1);
    assertTrue(restarted.startsWith("ready"), restarted);
    String log = galera.log(1);
    String afterRestart = log.substring(log.lastIndexOf("Recovered position") >= 0 ? log.lastIndexOf("Recovered position") : 0);
    assertTrue(afterRestart.contains("IST received") || log.contains("IST received"), "node 1 rejoined by IST");
    assertLedgerAgrees(1, product, 150 - sold, sold);
  }

  @Test
  @Order(3)
  void idempotencyLogoutAndTheLoginThrottleHoldAcrossDatabaseNodes() throws Exception {
    long product = CatalogFixtures.product(first.api(), admin, "Galera keys", "1.00");
    CatalogFixtures.stock(first.api(), admin, product, 10);
    TestServer.Customer customer = first.newCustomer("UTC");
    Api.Response once = first.api().post("purchase_products").token(customer.token())
        .header("Idempotency-Key", "galera-key-1").json(buyOne(product)).send();
    Api.Response again = second.api().post("purchase_products").token(customer.token())
        .header("Idempotency-Key", "galera-key-1").json(buyOne(product)).send();
    assertEquals(200, once.status(), once::toString);
    assertEquals(once.body(), again.body(), "the second app node, on the other DB node, replays the first answer");
    try (Connection c = galera.jdbc(2, SCHEMA)) {
      assertEquals(9, count(c, "SELECT quantity FROM inventories WHERE product_id = " + product));
    }

    String token = second.api().login(customer.email(), customer.password());
    assertEquals(200, first.api().post("logout_user").token(token).send().status());
    assertEquals(401, second.api().get("get_products").token(token).send().status(),
        "a token revoked through DB node 1 is refused through DB node 2");

    TestServer.Customer target = second.newCustomer("UTC");
    int throttled = 0;
    for (int i = 0; i < 8; i++) {
      TestServer app = i % 2 == 0 ? first : second;
      int status = app.api().post("login_user").json(new JsonObject().put("email", target.email())
          .put("password", "wrong-password-" + i)).send().status();
      throttled += status == 429 ? 1 : 0;
    }
    assertTrue(throttled >= 2, "failures counted over both DB nodes: " + throttled + " x 429 of 8");
  }

  /**
   * Ten times, two nodes start together on an empty database of the cluster, through different
   * DB nodes (their URLs list the hosts in opposite orders): each time one migrates, the other
   * waits, and the schema is whole on every DB node.
   */
  @Test
  @Order(4)
  void racingFirstStartsOnAnEmptyClusterLeaveAHealthySchema() throws Exception {
    long migrations;
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sql/mysql"))) {
      migrations = files.filter(f -> f.getFileName().toString().startsWith("V")).count();
    }
    for (int round = 1; round <= 10; round++) {
      String schema = "race" + round;
      galera.createDatabase(schema);
      var one = app.ecommerce.db.DatabaseUrl.parse(galera.database(schema, 1, 2).url());
      var two = app.ecommerce.db.DatabaseUrl.parse(galera.database(schema, 2, 1).url());
      CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> app.ecommerce.db.Migrations.migrate(one));
      CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> app.ecommerce.db.Migrations.migrate(two));
      boolean firstFresh = a.join();
      boolean secondFresh = b.join();
      assertTrue(firstFresh ^ secondFresh, "round " + round + ": exactly one of them migrated the new database");
      long tables = -1;
      for (int node = 1; node <= 3; node++) {
        try (Connection c = galera.jdbc(node, schema)) {
          assertEquals(migrations, count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"),
              "round " + round + ", node " + node);
          assertEquals(0, count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0"));
          long here = count(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()");
          assertTrue(tables < 0 || tables == here, "the same tables on every node");
          tables = here;
        }
      }
    }
  }

  /**
   * A hot row's buyers queue in the app on a cluster, whether its DATABASE_URL names several DB
   * nodes or one Galera node alone (other app nodes may write the row through the others): on one
   * plain server they do not (TransactionRetryMariaDbTest).
   */
  @Test
  @Order(5)
  void hotRowsQueueInTheAppOnEveryGaleraNodeEvenNamedAlone() {
    assertTrue(first.app().db().queuesHotRowsInApp(), "a URL naming two DB nodes");
    try (TestServer alone = TestServer.start(galera.database(SCHEMA, 3), Map.of())) {
      assertTrue(alone.app().db().queuesHotRowsInApp(), "a URL naming one Galera node");
    }
  }

  private long awaitReady(TestServer app, long sinceNanos) throws InterruptedException {
    while (System.nanoTime() - sinceNanos < 10_000_000_000L) {
      if (app.api().get("/ready").send().status() == 200) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("an app node was not ready within 10 s of the DB node's crash");
  }

  private long soldOn(int node, long product) throws Exception {
    try (Connection c = galera.jdbc(node, SCHEMA)) {
      return count(c, "SELECT COALESCE(SUM(quantity), 0) FROM sale_items WHERE product_id = " + product);
    }
  }

  private void assertLedgerAgrees(int node, long product, long stock, long sold) throws Exception {
    try (Connection c = galera.jdbc(node, SCHEMA)) {
      assertEquals(stock, count(c, "SELECT quantity FROM inventories WHERE product_id = " + product), "stock on node " + node);
      assertEquals(stock, count(c, "SELECT SUM(delta) FROM inventory_movements WHERE product_id = " + product),
          "ledger on node " + node);
      assertEquals(sold, count(c, "SELECT COALESCE(SUM(quantity), 0) FROM sale_items WHERE product_id = " + product),
          "sold on node " + node);
    }
  }

  private static long count(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
