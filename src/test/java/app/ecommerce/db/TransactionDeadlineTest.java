package app.ecommerce.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write transaction whose statements outlive their deadline is answered "unavailable" (503) at
 * the deadline, and never commits: not when its statements finish later, not ever. Its connection
 * is not handed back to the pool with the transaction open. Short deadlines, a real database.
 */
abstract class TransactionDeadlineTest extends EngineTest {
  static final WriteDeadlines SHORT = new WriteDeadlines(300, 600);
  protected Database guarded;

  @BeforeEach
  void openGuardedDatabase() {
    guarded = Database.open(server.app().vertx(), server.app().config(), SHORT);
  }

  @AfterEach
  void closeGuardedDatabase(VertxTestContext closed) {
    guarded.close().onComplete(closed.succeedingThenComplete());
  }

  /** Inserts a category, then takes {@code ms} more before the transaction may commit. */
  protected Function<SqlConnection, Future<Void>> insertThenWait(String slug, long ms) {
    return tx -> tx.preparedQuery("INSERT INTO categories (category_name, category_slug, created_at) VALUES (?, ?, 0)")
        .execute(Tuple.of("Deadline " + slug, slug))
        .compose(inserted -> {
          if (ms == 0) {
            return Future.succeededFuture();
          }
          Promise<Void> later = Promise.promise();
          server.app().vertx().setTimer(ms, id -> later.complete());
          return later.future();
        });
  }

  protected long categories(String slug) {
    return new Sql(server.db()).number("SELECT COUNT(*) FROM categories WHERE category_slug = ?", slug);
  }

  protected static Throwable failureOf(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the transaction committed");
  }

  @Test
  void statementsPastTheirDeadlineAreUnavailableAtTheDeadlineAndNeverCommit(VertxTestContext test) {
    Vertx vertx = server.app().vertx();
    long started = System.nanoTime();
    guarded.inTransaction(insertThenWait("late-statements", 1_500)).onComplete(test.failing(failure -> test.verify(() -> {
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertEquals(DbFailure.UNAVAILABLE, guarded.dialect().classify(failure), failure::toString);
      assertTrue(tookMs < 1_500, "answered at the deadline, not when the work ended: " + tookMs + " ms");
      // the work has finished 2 s later: it must have rolled back, not committed
      vertx.setTimer(2_000, id -> vertx.executeBlocking(() -> categories("late-statements"))
          .onComplete(test.succeeding(stored -> test.verify(() -> {
            assertEquals(0, stored);
            test.completeNow();
          }))));
    })));
  }

  @Test
  void transactionsCutAtTheirDeadlineLeaveThePoolUsable() throws Exception {
    int pool = 16;
    for (int i = 0; i < pool + 4; i++) {
      failureOf(guarded.inTransaction(insertThenWait("cut-" + i, 1_000)));
    }
    Thread.sleep(1_500); // on SQLite the last cut transaction holds the writer until its work returns
    guarded.inTransaction(insertThenWait("after-the-cuts", 0)).await(30, TimeUnit.SECONDS);
    assertEquals(1, categories("after-the-cuts"));
    assertEquals(0, new Sql(server.db()).number("SELECT COUNT(*) FROM categories WHERE category_slug LIKE 'cut-%'"));
  }
}
