package app.ecommerce.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a SQLite write-ahead log bounded while the node never goes idle. SQLite's own automatic
 * checkpoints are PASSIVE: they copy pages back but only restart the log when no reader is
 * looking at any part of it, which overlapping requests under continuous load never allow, so
 * the file grows for as long as the load lasts. Here, every period, a {@code TRUNCATE} checkpoint
 * runs as the one writer: new writers queue in memory (the node's writer lock) rather than on
 * the file, readers already running finish, new ones read the fully copied database file, and
 * the log is reset to zero bytes. Reports are the reads that last: before taking the writer, the
 * checkpoint takes every connection of the reports' pool ({@link Database#analytics()}), waiting
 * in their queue, so that no report holds a snapshot while it runs (reports wait a few
 * milliseconds; buyers do not wait for reports). Its wait for the remaining readers is capped at
 * {@link #READER_WAIT_MS}, so writers are held up at most that long. When that is not enough (some
 * reader of the main pool still held the log), the checkpoint is run again at once holding every
 * connection of the node: the writer, then each of the main pool's others as its reader finishes.
 * No connection of this process can then hold a snapshot, so the log is reset whatever the load;
 * requests wait for the few milliseconds the copy takes. Never on an event loop: the JDBC pool
 * runs it on a worker. Nothing here touches durability: a checkpoint copies committed pages only.
 */
final class WalCheckpoints {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
  /** The longest a checkpoint waits for readers (and so holds up writers). */
  static final int READER_WAIT_MS = 250;
  /** How many checkpoints in a row may leave the log in place before it is worth a warning. */
  private static final int PATIENCE = 6;
  static final String TRUNCATE = "PRAGMA wal_checkpoint(TRUNCATE)";

  private final Vertx vertx;
  private final Supplier<Future<GuardedTransaction.Lease>> writer;
  private final Pool reports;
  private final int reportConnections;
  private final Pool main;
  private final int mainConnections;
  private final int busyTimeoutMs;
  private final long periodMs;
  private long timer = -1;
  private boolean running;
  private int unfinished;

  /**
   * @param writer leases the node's one writer connection, as a write transaction would
   * @param reports the reports' pool, of {@code reportConnections} connections, quieted for each checkpoint
   * @param main the pool the writer leases from, of {@code mainConnections} connections, all held
   *     for a checkpoint that its readers kept from finishing
   */
  WalCheckpoints(Vertx vertx, Supplier<Future<GuardedTransaction.Lease>> writer, Pool reports, int reportConnections,
                 Pool main, int mainConnections, int busyTimeoutMs, long periodMs) {
    this.vertx = vertx;
    this.writer = writer;
    this.reports = reports;
    this.reportConnections = reportConnections;
    this.main = main;
    this.mainConnections = mainConnections;
    this.busyTimeoutMs = busyTimeoutMs;
    this.periodMs = periodMs;
  }

  void start() {
    timer = vertx.setPeriodic(periodMs, id -> {
      if (!running) {
        running = true;
        checkpoint().onComplete(done -> running = false);
      }
    });
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /**
   * Takes connections of {@code pool}, one after the other, until {@code held} has {@code count}:
   * each as the request using it finishes, so that none of them reads meanwhile. On failure (the
   * pool's wait deadline) gives back what it took.
   */
  private static Future<List<SqlConnection>> hold(Pool pool, int count, List<SqlConnection> held) {
    if (held.size() >= count) {
      return Future.succeededFuture(held);
    }
    return pool.getConnection()
        .compose(conn -> {
          held.add(conn);
          return hold(pool, count, held);
        }, failure -> {
          held.forEach(SqlConnection::close);
          return Future.failedFuture(failure);
        });
  }

  /** One checkpoint; succeeds with whether it reset the log. */
  Future<Boolean> checkpoint() {
    return hold(reports, reportConnections, new ArrayList<>())
        .compose(held -> truncate(false)
            .compose(reset -> reset ? Future.succeededFuture(true) : truncate(true))
            .onFailure(failure -> LOG.warn("SQLite checkpoint failed: {}", failure.toString()))
            .eventually(() -> {
              held.forEach(SqlConnection::close);
              return Future.succeededFuture();
            }),
            // reports kept their pool past the connection deadline: try again next period
            busy -> Future.succeededFuture(false))
        .onSuccess(reset -> {
          unfinished = reset ? 0 : unfinished + 1;
          if (unfinished == PATIENCE) {
            LOG.warn("The SQLite write-ahead log could not be reset in {} checkpoints in a row: a reader kept it in use",
                PATIENCE);
          }
        });
  }

  /**
   * TRUNCATE as the writer; with {@code wholeNode}, also holding every other connection of the
   * main pool, so that no reader of this process remains (the reports' are held already).
   * Succeeds with whether the log was reset; false also when the main pool's connections could
   * not all be had within its wait deadline.
   */
  private Future<Boolean> truncate(boolean wholeNode) {
    return writer.get().compose(lease -> {
      SqlConnection conn = lease.connection();
      Future<List<SqlConnection>> readers = wholeNode
          ? hold(main, mainConnections - 1, new ArrayList<>())
          : Future.succeededFuture(List.of());
      return readers.compose(held -> conn.query("PRAGMA busy_timeout = " + READER_WAIT_MS).execute()
              .compose(v -> conn.query(TRUNCATE).execute())
              .map(rows -> {
                Row row = rows.iterator().next();
                return row.getInteger(0) == 0;
              })
              // the connection goes back to the pool with the busy timeout every other user expects
              .eventually(() -> conn.query("PRAGMA busy_timeout = " + busyTimeoutMs).execute())
              .eventually(() -> {
                held.forEach(SqlConnection::close);
                return Future.succeededFuture();
              }),
              busy -> Future.succeededFuture(false))
          .eventually(() -> {
            lease.release().run();
            return Future.succeededFuture();
          });
    });
  }
}
