package app.ecommerce.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wait for a connection is bounded by {@link WaitBoundedPool}, not by the Vert.x pool's timer
 * (whose race with a recycled connection logs "Promise already completed" in vertx-core 5.0.x):
 * past the deadline the caller gets "unavailable", a connection that comes later goes back to the
 * pool, and waiters served right at their deadline leave the pool whole. A real SQLite file.
 */
@ExtendWith(VertxExtension.class)
class WaitBoundedPoolTest {
  private static final long WAIT_MS = 200;
  private Vertx vertx;
  private Path dir;
  private WaitBoundedPool pool;

  @BeforeEach
  void open(Vertx vertx) throws Exception {
    this.vertx = vertx; // vertx-junit5 closes it after each test
    dir = Files.createTempDirectory("wait-bounded-pool");
    DatabaseUrl url = DatabaseUrl.parse("sqlite:" + dir.resolve("test.db"));
    PoolOptions one = new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(1000).setConnectionTimeout(0);
    pool = new WaitBoundedPool(vertx, JDBCPool.pool(vertx, Database.sqliteDataSource(url), one), WAIT_MS);
    // the pool's one connection is opened before any test waits on it: opening the file and the
    // driver can take longer than WAIT_MS on a busy machine
    for (int attempt = 1; ; attempt++) {
      try {
        await(pool.query("SELECT 1").execute());
        break;
      } catch (ExecutionException e) {
        if (attempt == 20) {
          throw e;
        }
      }
    }
  }

  @AfterEach
  void close() throws Exception {
    await(pool.close());
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aWaitPastItsDeadlineIsUnavailableAndTheLateConnectionGoesBack() throws Exception {
    SqlConnection held = await(pool.getConnection());
    long started = System.nanoTime();
    Future<SqlConnection> waiter = pool.getConnection();
    ExecutionException late = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> await(waiter));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertInstanceOf(DatabaseUnavailableException.class, late.getCause());
    assertTrue(tookMs >= WAIT_MS && tookMs < WAIT_MS + 2_000, "answered at the deadline: " + tookMs + " ms");
    await(held.close()); // the late waiter is served now, and must give its connection straight back
    assertEquals(1, await(pool.query("SELECT 1").execute()).size(), "the one connection is free again");
  }

  @Test
  void waitersServedAtTheirDeadlineLeaveEveryConnectionUsable() throws Exception {
    for (int round = 0; round < 40; round++) {
      SqlConnection held = await(pool.getConnection());
      List<Future<Integer>> waiters = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        waiters.add(pool.query("SELECT 1").execute().map(rows -> rows.size()).recover(unavailable -> {
          assertInstanceOf(DatabaseUnavailableException.class, unavailable);
          return Future.succeededFuture(0);
        }));
      }
      // give the connection back in the very millisecond the waiters' deadline expires
      vertx.setTimer(WAIT_MS, id -> held.close());
      for (Future<Integer> w : waiters) {
        assertTrue(await(w) >= 0);
      }
    }
    assertEquals(1, await(pool.query("SELECT 1").execute()).size(), "the pool still serves");
    assertEquals(1, await(pool.preparedQuery("SELECT ?").execute(io.vertx.sqlclient.Tuple.of(7))).iterator().next().getInteger(0) / 7);
  }
}
