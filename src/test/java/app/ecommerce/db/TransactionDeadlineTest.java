package app.ecommerce.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.SqlConnection;
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
  void closeGuardedDatabase() throws Exception {
    guarded.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
  void statementsPastTheirDeadlineAreUnavailableAtTheDeadlineAndNeverCommit() throws Exception {
    long started = System.nanoTime();
    Throwable failure = failureOf(guarded.inTransaction(insertThenWait("late-statements", 1_500)));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(DbFailure.UNAVAILABLE, guarded.dialect().classify(failure), failure::toString);
    assertTrue(tookMs < 1_500, "answered at the deadline, not when the work ended: " + tookMs + " ms");
    Thread.sleep(2_000); // the work has finished meanwhile: it must have rolled back, not committed
    assertEquals(0, categories("late-statements"));
  }

  @Test
  void transactionsCutAtTheirDeadlineLeaveThePoolUsable() throws Exception {
    int pool = 16;
    for (int i = 0; i < pool + 4; i++) {
      failureOf(guarded.inTransaction(insertThenWait("cut-" + i, 1_000)));
    }
    Thread.sleep(1_500); // on SQLite the last cut transaction holds the writer until its work returns
    guarded.inTransaction(insertThenWait("after-the-cuts", 0)).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    assertEquals(1, categories("after-the-cuts"));
    assertEquals(0, new Sql(server.db()).number("SELECT COUNT(*) FROM categories WHERE category_slug LIKE 'cut-%'"));
  }
}
