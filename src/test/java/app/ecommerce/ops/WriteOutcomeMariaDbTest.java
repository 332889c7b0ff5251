package app.ecommerce.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.bus.Errors;
import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.OwnMariaDb;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TcpProxy;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * API.md §1: a write answered 503 was rolled back and never commits; a write whose COMMIT was
 * sent but not confirmed answers 504, and a retry with the same Idempotency-Key says what really
 * happened. On a MariaDB server of this test's own, frozen with SIGSTOP under a purchase stream,
 * and behind a proxy that holds the COMMIT packet between the statements and the commit.
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteOutcomeMariaDbTest {
  /** The drill of issue 24: 20 purchases a second, the database frozen for 20 of them. */
  private static final int PER_SECOND = 20;
  private static final int BEFORE_SECONDS = 2;
  private static final int FROZEN_SECONDS = 20;
  private static final int AFTER_SECONDS = 3;
  private static final long CHECK_AFTER_THAW_MS = 30_000;

  private OwnMariaDb mariadb;
  private TcpProxy proxy;

  @BeforeAll
  void startDatabase() {
    mariadb = OwnMariaDb.install();
    mariadb.start();
  }

  @AfterAll
  void stopDatabase() {
    if (proxy != null) {
      proxy.close();
    }
    if (mariadb != null) {
      mariadb.close();
    }
  }

  /** One purchase of the stream: its own quantity says which sale item is its. */
  private record Sent(int index, String key, long quantity, CompletableFuture<Api.Response> answer, long sentNanos) {
  }

  @Test
  void aTwentySecondFreezeUnderTwentyPurchasesASecondNever503sAPurchaseThatCommits() throws Exception {
    TestDatabase db = mariadb.database("freeze_drill");
    try (TestServer server = TestServer.start(db)) {
      Api api = server.api();
      String admin = server.adminToken();
      String customer = server.newCustomerToken();
      long product = CatalogFixtures.product(api, admin, "Freeze stock", "1.00");
      CatalogFixtures.stock(api, admin, product, 1_000_000);

      int total = PER_SECOND * (BEFORE_SECONDS + FROZEN_SECONDS + AFTER_SECONDS);
      int freezeAt = PER_SECOND * BEFORE_SECONDS;
      int thawAt = freezeAt + PER_SECOND * FROZEN_SECONDS;
      List<Sent> sent = new ArrayList<>();
      long start = System.nanoTime();
      long thawedNanos = 0;
      for (int i = 0; i < total; i++) {
        sleepUntil(start + i * 1_000_000_000L / PER_SECOND);
        if (i == freezeAt) {
          mariadb.freeze();
        }
        if (i == thawAt) {
          mariadb.thaw();
          thawedNanos = System.nanoTime();
        }
        String key = i % 2 == 0 ? "freeze-" + i : null; // half with a key, half without
        long quantity = i + 1;
        Api.Call call = api.post("purchase_products").token(customer).json(purchase(product, quantity));
        if (key != null) {
          call.header("Idempotency-Key", key);
        }
        sent.add(new Sent(i, key, quantity, call.sendAsync(), System.nanoTime()));
      }
      Map<Long, Api.Response> answers = new HashMap<>();
      for (Sent s : sent) {
        answers.put(s.quantity(), s.answer().join());
      }
      sleepUntil(thawedNanos + CHECK_AFTER_THAW_MS * 1_000_000);

      Map<Long, Long> committed = new HashMap<>();
      for (Map<String, Object> row : new Sql(db).rows(
          "SELECT quantity, COUNT(*) AS n FROM sale_items WHERE product_id = ? GROUP BY quantity", product)) {
        committed.put(((Number) row.get("quantity")).longValue(), ((Number) row.get("n")).longValue());
      }
      Map<String, int[]> figures = new TreeMap<>(); // "status with/without key" -> {answered, committed}
      List<String> problems = new ArrayList<>();
      for (Sent s : sent) {
        Api.Response r = answers.get(s.quantity());
        long times = committed.getOrDefault(s.quantity(), 0L);
        int[] figure = figures.computeIfAbsent(r.status() + (s.key() != null ? " with key" : " without key"),
            k -> new int[2]);
        figure[0]++;
        figure[1] += (int) times;
        switch (r.status()) {
          case 200 -> {
            if (times != 1) {
              problems.add("#" + s.index() + " answered 200 and is committed " + times + " times");
            }
          }
          case 503 -> {
            if (times != 0) {
              problems.add("#" + s.index() + " answered 503 and was committed anyway: " + r);
            }
            assertNotNull(r.header("Retry-After"), r::toString);
          }
          case 504 -> {
            if (times > 1) {
              problems.add("#" + s.index() + " answered 504 and is committed " + times + " times");
            }
            assertEquals(Errors.OUTCOME_UNKNOWN, r.message());
          }
          default -> problems.add("#" + s.index() + " answered " + r);
        }
      }
      report(figures, total);
      assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
      assertTrue(figures.keySet().stream().anyMatch(k -> k.startsWith("503")), "the freeze was felt: " + figures);

      // a retry with the same key says what happened to a 504, and never buys twice
      for (Sent s : sent) {
        if (s.key() != null && answers.get(s.quantity()).status() == 504) {
          Api.Response retry = api.post("purchase_products").token(customer).header("Idempotency-Key", s.key())
              .json(purchase(product, s.quantity())).send();
          assertEquals(200, retry.status(), retry::toString);
          assertEquals(1, new Sql(db).number("SELECT COUNT(*) FROM sale_items WHERE product_id = ? AND quantity = ?",
              product, s.quantity()));
        }
      }
      Sql.StockState state = new Sql(db).stock(product);
      assertEquals(state.stock(), state.ledger(), "stock equals the ledger");
      assertEquals(state.restocked(), state.stock() + state.sold());
    }
  }

  @Test
  void aCommitHeldPastItsDeadlineIs504AndARetryWithTheSameKeyFindsItCommittedOnce() throws Exception {
    heldCommit("held_forwarded", true);
  }

  @Test
  void aCommitHeldPastItsDeadlineIs504AndARetryWithTheSameKeyBuysOnceWhenItWasLost() throws Exception {
    heldCommit("held_dropped", false);
  }

  /**
   * The database stops exactly between a purchase's statements and its COMMIT: the proxy holds the
   * COMMIT packet past the commit deadline, then lets it through (it commits) or drops it with the
   * connection (it rolls back). Either way the answer was 504 and a keyed retry ends as one sale.
   */
  private void heldCommit(String name, boolean reachesTheDatabase) throws Exception {
    TestDatabase real = mariadb.database(name);
    if (proxy == null) {
      proxy = TcpProxy.mysql("127.0.0.1", mariadb.port());
    }
    TestDatabase viaProxy = new TestDatabase() {
      @Override
      public String engine() {
        return real.engine();
      }

      @Override
      public String url() {
        return real.url().replace(":" + mariadb.port() + "/", ":" + proxy.port() + "/");
      }

      @Override
      public java.sql.Connection jdbc() throws java.sql.SQLException {
        return real.jdbc();
      }

      @Override
      public void close() {
        real.close();
      }
    };
    try (TestServer server = TestServer.start(viaProxy)) {
      Api api = server.api();
      String admin = server.adminToken();
      TestServer.Customer customer = server.newCustomer("UTC");
      long product = CatalogFixtures.product(api, admin, "Held commit", "2.50");
      CatalogFixtures.stock(api, admin, product, 100);

      TcpProxy.HeldCommit hold = proxy.holdNextCommit();
      long sent = System.nanoTime();
      CompletableFuture<Api.Response> answer = api.post("purchase_products").token(customer.token())
          .header("Idempotency-Key", name).json(purchase(product, 3)).sendAsync();
      assertTrue(hold.awaitHeld(30), "the purchase's COMMIT reached the proxy");
      Api.Response r = answer.join();
      long tookMs = (System.nanoTime() - sent) / 1_000_000;
      assertEquals(504, r.status(), r::toString);
      assertEquals(false, r.json().getBoolean("success"));
      assertEquals(Errors.OUTCOME_UNKNOWN, r.message());
      assertTrue(tookMs < 10_000, "answered before the service timeout, in " + tookMs + " ms");

      String sales = "SELECT COUNT(*) FROM sales WHERE user_id = ?";
      if (reachesTheDatabase) {
        hold.forward();
        awaitCount(real, sales, customer.id(), 1);
      } else {
        hold.drop();
        Thread.sleep(500);
        assertEquals(0, new Sql(real).number(sales, customer.id()), "the dropped COMMIT never committed");
      }
      Api.Response retry = api.post("purchase_products").token(customer.token()).header("Idempotency-Key", name)
          .json(purchase(product, 3)).send();
      assertEquals(200, retry.status(), retry::toString);
      assertEquals(1, new Sql(real).number(sales, customer.id()), "one sale, whatever happened to the first COMMIT");
      assertEquals(new Sql(real).number("SELECT id FROM sales WHERE user_id = ?", customer.id()),
          retry.data().getLong("id"), "the retry answers with the sale that exists");
      Sql.StockState state = new Sql(real).stock(product);
      assertEquals(97, state.stock());
      assertEquals(state.stock(), state.ledger());
    }
  }

  private static void awaitCount(TestDatabase db, String sql, long param, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (new Sql(db).number(sql, param) != expected) {
      assertTrue(System.nanoTime() < deadline, "count did not reach " + expected + ": " + sql);
      Thread.sleep(50);
    }
  }

  private static JsonObject purchase(long product, long quantity) {
    return new JsonObject().put("items", new JsonArray().add(new JsonObject()
        .put("product_id", product).put("quantity", quantity)));
  }

  /** The figures the issue asks for, on the test's output and in target/freeze-drill.txt. */
  private static void report(Map<String, int[]> figures, int total) throws java.io.IOException {
    StringBuilder text = new StringBuilder("Freeze drill: " + total + " purchases at " + PER_SECOND + "/s, database frozen (SIGSTOP) "
        + FROZEN_SECONDS + " s; committed counted " + CHECK_AFTER_THAW_MS / 1000 + " s after SIGCONT\n");
    text.append(String.format("%-22s %8s %10s%n", "answer", "count", "committed"));
    figures.forEach((status, f) -> text.append(String.format("%-22s %8d %10d%n", status, f[0], f[1])));
    System.out.print(text);
    Path out = Path.of(System.getProperty("project.basedir", "."), "target", "freeze-drill.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
