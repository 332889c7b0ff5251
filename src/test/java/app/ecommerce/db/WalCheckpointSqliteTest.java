package app.ecommerce.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.Test;

/**
 * The SQLite write-ahead log stays bounded (issue 33): a reader that keeps the log in use lets it
 * grow, purchases still go through meanwhile, and once the reader is done the node's periodic
 * checkpoint empties the file. SQLite alone never shrinks it, and never resets it at all while
 * overlapping readers keep some part of it in use.
 */
class WalCheckpointSqliteTest extends EngineTest {
  private static final int PURCHASES = 240;
  private static final int IN_FLIGHT = 8;

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("SQLITE_CHECKPOINT_SECONDS", "1");
  }

  private Path wal() {
    return Path.of(server.db().url().substring("sqlite:".length()) + "-wal");
  }

  private long walBytes() throws Exception {
    return Files.exists(wal()) ? Files.size(wal()) : 0;
  }

  @Test
  void theLogGrowsOnlyWhileAReaderHoldsItAndIsEmptiedAfterwards() throws Exception {
    long product = CatalogFixtures.product(api, admin(), CatalogFixtures.unique("wal"), "1.00");
    CatalogFixtures.stock(api, admin(), product, PURCHASES);
    String customer = server.newCustomerToken();
    JsonObject oneItem = new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", 1)));

    long pinned;
    try (Connection reader = server.db().jdbc()) {
      reader.setAutoCommit(false);
      try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM products")) {
        assertTrue(rs.next()); // the read transaction now holds its snapshot of the log
      }
      for (int done = 0; done < PURCHASES; done += IN_FLIGHT) {
        List<CompletableFuture<Api.Response>> batch = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
          batch.add(api.post("purchase_products").token(customer).json(oneItem).sendAsync());
        }
        for (CompletableFuture<Api.Response> r : batch) {
          assertEquals(200, r.get().status(), () -> "a purchase while a checkpoint waits for a reader: " + r.join());
        }
      }
      pinned = walBytes();
      assertTrue(pinned > 512 * 1024, "the log grew while the reader held it: " + pinned + " bytes");
      reader.commit();
    }
    long deadline = System.currentTimeMillis() + 20_000;
    long now = walBytes();
    while (now > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      now = walBytes();
    }
    assertEquals(0, now, "the log of " + pinned + " bytes is emptied once no reader holds it");
    Api.Response stock = api.get("get_product").query("product_id", product).send();
    assertEquals(0, stock.data().getLong("quantity"), () -> "every purchase of the burst committed: " + stock);
  }

  /**
   * A read of the node's own main pool that outlasts the checkpoint's wait for readers would keep
   * the log from being reset (the plain TRUNCATE gives up after READER_WAIT_MS): the checkpoint
   * then holds every connection of the node, waits for that read to end, and resets the log.
   */
  @Test
  void aLongReadOfTheMainPoolIsWaitedForAndTheLogIsStillReset() throws Exception {
    Database node = Database.open(server.app().vertx(), server.app().config(), TransactionDeadlineTest.SHORT);
    try {
      long product = CatalogFixtures.product(api, admin(), CatalogFixtures.unique("wal-long"), "1.00");
      CatalogFixtures.stock(api, admin(), product, 41);
      String customer = server.newCustomerToken();
      JsonObject oneItem = new JsonObject().put("items",
          new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", 1)));
      SqlConnection reader = await(node.pool().getConnection());
      await(reader.query("BEGIN").execute());
      await(reader.query("SELECT COUNT(*) FROM products").execute()); // its snapshot now pins the log
      for (int i = 0; i < 40; i++) {
        assertEquals(200, api.post("purchase_products").token(customer).json(oneItem).send().status());
      }
      assertTrue(walBytes() > 0, "the purchases wrote to the log");
      CompletableFuture<Boolean> checkpoint = node.checkpoints().checkpoint().toCompletionStage().toCompletableFuture();
      Thread.sleep(WalCheckpoints.READER_WAIT_MS * 4L);
      assertTrue(!checkpoint.isDone(), "the checkpoint waits for the read rather than giving up: " + checkpoint);
      await(reader.query("COMMIT").execute());
      await(reader.close());
      assertTrue(checkpoint.get(30, TimeUnit.SECONDS), "the checkpoint reset the log once the read ended");
      assertEquals(0, walBytes());
      assertEquals(200, api.post("purchase_products").token(customer).json(oneItem).send().status(),
          "the node's connections are back in service");
    } finally {
      await(node.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
