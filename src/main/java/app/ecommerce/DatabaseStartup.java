package app.ecommerce;

import app.ecommerce.catalog.ProductSearch;
import app.ecommerce.config.AppConfig;
import app.ecommerce.db.Database;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.Migrations;
import app.ecommerce.logging.LogLines;
import app.ecommerce.tools.DemoData;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does once its listeners are open (API.md §4): wait until its database answers, run
 * the migrations (and the demo data of a new database), then deploy the services. Every step is
 * retried with backoff, never given up, so a node started before its database (down, frozen, or
 * refusing its password) stays up, answers 503 with Retry-After meanwhile (no service consumer
 * yet) and becomes ready by itself soon after the database does. The log says what it waits for,
 * never the password. Several nodes may wait at once: Flyway's lock lets one migrate at a time.
 */
final class DatabaseStartup {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
  static final long FIRST_BACKOFF_MS = 250;
  /** Short, so that a node is ready within a few seconds of its database coming back. */
  static final long MAX_BACKOFF_MS = 1_000;
  /** A reason already logged is repeated at most this often while the node keeps waiting. */
  private static final long REPEAT_LOG_MS = 30_000;

  private final Vertx vertx;
  private final AppConfig config;
  private final Database db;
  private final Supplier<Future<List<String>>> deployServices;
  private final WorkerExecutor blocking;
  private final Promise<List<String>> deployed = Promise.promise();
  private volatile boolean stopped;
  private String lastReason;
  private long lastLoggedNanos;

  DatabaseStartup(Vertx vertx, AppConfig config, Database db, Supplier<Future<List<String>>> deployServices) {
    this.vertx = vertx;
    this.config = config;
    this.db = db;
    this.deployServices = deployServices;
    // Flyway and the demo data block; a large migration may take minutes, which is not a stuck worker
    this.blocking = vertx.createSharedWorkerExecutor("database-startup", 1, 1, TimeUnit.HOURS);
  }

  /** Starts trying; the future completes with the services' deployment ids once they run. */
  Future<List<String>> run() {
    attempt(FIRST_BACKOFF_MS);
    return deployed.future();
  }

  /** Stops retrying (the node is shutting down); a step in flight finishes on its own. */
  void stop() {
    stopped = true;
    deployed.tryFail("The node stopped before its database was ready");
    blocking.close();
  }

  private void attempt(long backoffMs) {
    if (stopped) {
      return;
    }
    step("reach the database", db::ping)
        .andThen(reached -> {
          if (reached.succeeded() && lastReason != null) {
            LOG.info("The database {} answers; migrating its schema and starting the services", where(db.url()));
          }
        })
        .compose(v -> step("migrate the schema", () -> blocking.executeBlocking(this::migrate, false)))
        .compose(v -> step("start the services", deployServices::get))
        .onSuccess(ids -> {
          if (lastReason != null) {
            LOG.info("Schema up to date and services started: ready");
          }
          if (!deployed.tryComplete(ids)) {
            ids.forEach(vertx::undeploy); // stopped meanwhile
          }
        })
        .onFailure(failure -> {
          if (stopped) {
            return;
          }
          waiting(failure.getMessage(), backoffMs);
          vertx.setTimer(backoffMs, id -> attempt(Math.min(MAX_BACKOFF_MS, backoffMs * 2)));
        });
  }

  /** Runs one step; its failure names the step and the cause, in words fit for the log. */
  private <T> Future<T> step(String what, Supplier<Future<T>> action) {
    Future<T> started;
    try {
      started = action.get();
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    return started.recover(failure -> Future.failedFuture(new IllegalStateException(
        "cannot " + what + ": " + describe(failure), failure)));
  }

  private Void migrate() throws Exception {
    DatabaseUrl url = db.url();
    boolean fresh = Migrations.migrate(url);
    fillProductSearch(url);
    boolean demo = config.demoData() != null ? config.demoData() : url.engine() == DatabaseUrl.Engine.SQLITE;
    if (fresh && demo) {
      LOG.info("New database: loading demo data");
      new DemoData(config, LogLines.to(LOG)).generate(DemoData.DEFAULT_SALES);
    }
    return null;
  }

  /** Products written before their search columns existed (an upgraded database) get them now. */
  private static void fillProductSearch(DatabaseUrl url) throws java.sql.SQLException {
    try (java.sql.Connection c = DemoData.connect(url)) {
      int filled = ProductSearch.fillMissing(c, n -> {
        if (n % 100_000 == 0) {
          LOG.info("Search text filled in for {} product(s) so far", n);
        }
      });
      if (filled > 0) {
        LOG.info("Search text filled in for {} product(s)", filled);
      }
    }
  }

  private void waiting(String reason, long backoffMs) {
    long now = System.nanoTime();
    if (reason.equals(lastReason) && now - lastLoggedNanos < REPEAT_LOG_MS * 1_000_000) {
      return;
    }
    lastReason = reason;
    lastLoggedNanos = now;
    LOG.warn("Not ready: waiting for the database {} ({}); retrying every {} ms at most, until it answers",
        where(db.url()), reason, MAX_BACKOFF_MS);
  }

  /** Host, port, database and user: never the password. */
  static String where(DatabaseUrl url) {
    return url.engine() == DatabaseUrl.Engine.SQLITE
        ? "sqlite:" + url.sqliteFile()
        : "mysql://" + url.user() + "@" + url.hostList() + "/" + url.database();
  }

  /** The innermost message that says something, without the stack. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    String message = String.valueOf(failure.getMessage());
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root.getMessage() != null) {
        message = root.getMessage();
      }
    }
    return message.isBlank() || message.equals("null") ? failure.getClass().getSimpleName() : message;
  }
}
