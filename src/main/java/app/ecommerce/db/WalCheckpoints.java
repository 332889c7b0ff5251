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
 * milliseconds; buyers do not wait for reports). Its wait for the remaining, short readers is
 * capped at {@link #READER_WAIT_MS}, so writers are held up at most that long; a checkpoint that
 * could not finish is simply tried again next period. Never on an event loop: the JDBC pool runs it on a
 * worker. Nothing here touches durability: a checkpoint copies committed pages only.
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
  private final int busyTimeoutMs;
  private final long periodMs;
  private long timer = -1;
  private boolean running;
  private int unfinished;

  /**
   * @param writer leases the node's one writer connection, as a write transaction would
   * @param reports the reports' pool, of {@code reportConnections} connections, quieted for each checkpoint
   */
  WalCheckpoints(Vertx vertx, Supplier<Future<GuardedTransaction.Lease>> writer, Pool reports, int reportConnections,
                 int busyTimeoutMs, long periodMs) {
    this.vertx = vertx;
    this.writer = writer;
    this.reports = reports;
    this.reportConnections = reportConnections;
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

  /** Takes every connection of the reports' pool, one after the other, so that no report reads. */
  private Future<List<SqlConnection>> quietReports(List<SqlConnection> held) {
    if (held.size() == reportConnections) {
      return Future.succeededFuture(held);
    }
    return reports.getConnection()
        .compose(conn -> {
          held.add(conn);
          return quietReports(held);
        }, failure -> {
          held.forEach(SqlConnection::close);
          return Future.failedFuture(failure);
        });
  }

  /** One checkpoint; succeeds with whether it reset the log. */
  Future<Boolean> checkpoint() {
    return quietReports(new ArrayList<>())
        .compose(held -> truncate()
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

  private Future<Boolean> truncate() {
    return writer.get().compose(lease -> {
      SqlConnection conn = lease.connection();
      return conn.query("PRAGMA busy_timeout = " + READER_WAIT_MS).execute()
          .compose(v -> conn.query(TRUNCATE).execute())
          .map(rows -> {
            Row row = rows.iterator().next();
            return row.getInteger(0) == 0;
          })
          // the connection goes back to the pool with the busy timeout every other user expects
          .eventually(() -> conn.query("PRAGMA busy_timeout = " + busyTimeoutMs).execute())
          .eventually(() -> {
            lease.release().run();
            return Future.succeededFuture();
          });
    });
  }
}
