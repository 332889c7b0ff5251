package app.ecommerce.db;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction the engine refuses as busy (SQLite: another process holds the write lock) or as a
 * deadlock victim (InnoDB) is run again from the start, a bounded number of times, then 503.
 */
abstract class TransactionRetryTest extends EngineTest {

  protected Database db() {
    return server.app().db();
  }

  /** Increments a product's stock in a transaction, counting how many times the work ran. */
  protected Function<SqlConnection, Future<Void>> bump(long productId, AtomicInteger attempts) {
    return tx -> {
      attempts.incrementAndGet();
      return tx.preparedQuery("UPDATE inventories SET quantity = quantity + 1 WHERE product_id = ?")
          .execute(Tuple.of(productId)).mapEmpty();
    };
  }

  protected static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }

  protected static Future<Void> sleep(Vertx vertx, long ms) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(ms, id -> done.complete());
    return done.future();
  }

  protected JsonObject purchaseOf(long productId) {
    return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", productId).put("quantity", 1)));
  }

  protected long newStockedProduct() {
    long product = CatalogFixtures.product(api, admin(), "Retry stock", "1.00");
    CatalogFixtures.stock(api, admin(), product, 100);
    return product;
  }

  /** Holds the database's write lock (or the product's row lock) from another connection. */
  protected abstract Connection holdLock(long productId) throws Exception;

  @Test
  void aTransactionBlockedForLongerThanTheEngineWaitsIsRetriedAndCommits() throws Exception {
    long product = newStockedProduct();
    AtomicInteger attempts = new AtomicInteger();
    Connection holder = holdLock(product);
    Thread release = new Thread(() -> {
      try {
        Thread.sleep(releaseAfterMs());
        holder.rollback();
        holder.close();
      } catch (Exception ignored) {
        // the test fails on its own assertions
      }
    });
    release.start();
    // the lock outlives the engine's own wait: without the retry this transaction would fail
    await(db().inTransaction(bump(product, attempts)));
    release.join();
    assertTrue(attempts.get() >= minimumRunsOfTheWork(), "the work ran " + attempts.get() + " time(s)");
    assertEquals(101, new app.ecommerce.support.Sql(server.db()).stock(product).stock());
  }

  /** Long enough for at least one attempt to be refused. */
  protected abstract long releaseAfterMs();

  /**
   * SQLite refuses the BEGIN itself, before the work runs; InnoDB refuses a statement of the
   * work, which then runs again.
   */
  protected abstract int minimumRunsOfTheWork();

  @Test
  void aLockNeverReleasedEndsIn503WithRetryAfterAndNothingHalfDone() throws Exception {
    long product = newStockedProduct();
    String customer = server.newCustomerToken();
    try (Connection holder = holdLock(product)) {
      Api.Response r = api.post("purchase_products").token(customer).json(purchaseOf(product)).send();
      assertEquals(503, r.status(), r::toString);
      assertTrue(Long.parseLong(r.header("Retry-After")) > 0);
      holder.rollback();
    }
    assertEquals(100, new app.ecommerce.support.Sql(server.db()).stock(product).stock());
    assertEquals(200, api.post("purchase_products").token(customer).json(purchaseOf(product))
        .send().status(), "once the lock is gone, purchases go through again");
  }

  static void execute(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
