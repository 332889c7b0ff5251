package app.ecommerce.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write transaction racing its {@link WriteDeadlines}, so that a 503 always means "nothing was
 * written" (API.md §1). Until COMMIT is sent, the deadline wins by closing the connection's socket
 * (InnoDB rolls back the open transaction of a closed connection, even a frozen server once it
 * wakes, and it can never receive the COMMIT) and answering 503; once COMMIT is sent, by closing
 * the socket and answering 504, outcome unknown. The phase is one atomic state, so exactly one of
 * "commit", "503" and "504" happens, whatever the order of the timers and the database's answers.
 * Busy or deadlocked attempts are run again within the deadline and a bounded budget.
 */
final class GuardedTransaction<T> {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedTransaction.class);

  private enum Phase { WORKING, COMMITTING, DONE }

  private final Vertx vertx;
  private final Dialect dialect;
  private final Supplier<Future<Lease>> connections;
  private final Function<SqlConnection, Future<T>> work;
  private final WriteDeadlines deadlines;
  private final long startedNanos = System.nanoTime();
  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WORKING);
  private final Promise<T> answer = Promise.promise();
  private volatile SqlConnection current;

  /** A connection held for one attempt, and how to give it back (with the SQLite writer lock). */
  record Lease(SqlConnection connection, Runnable release) {
  }

  GuardedTransaction(Vertx vertx, Dialect dialect, Supplier<Future<Lease>> connections,
                     Function<SqlConnection, Future<T>> work, WriteDeadlines deadlines) {
    this.vertx = vertx;
    this.dialect = dialect;
    this.connections = connections;
    this.work = work;
    this.deadlines = deadlines;
  }

  Future<T> run() {
    long statements = vertx.setTimer(deadlines.statementsMs(), id -> expire(Phase.WORKING,
        new DatabaseUnavailableException("The transaction's statements did not finish within "
            + deadlines.statementsMs() + " ms; it was rolled back", null)));
    long commit = vertx.setTimer(deadlines.commitMs(), id -> expire(Phase.COMMITTING,
        new OutcomeUnknownException("The COMMIT was not confirmed within " + deadlines.commitMs() + " ms", null)));
    attempt(1);
    return answer.future().andThen(done -> {
      vertx.cancelTimer(statements);
      vertx.cancelTimer(commit);
    });
  }

  private void expire(Phase from, RuntimeException why) {
    if (phase.compareAndSet(from, Phase.DONE)) {
      SqlConnection connection = current;
      if (connection != null) {
        dialect.abort(connection);
      }
      LOG.warn("{}; answering {}", why.getMessage(), from == Phase.WORKING ? "503 (nothing written)" : "504 (outcome unknown)");
      answer.tryFail(why);
    }
  }

  private void attempt(int attempt) {
    if (phase.get() != Phase.WORKING) {
      return;
    }
    connections.get().onComplete(leased -> {
      if (leased.failed()) {
        fail(leased.cause());
        return;
      }
      Lease lease = leased.result();
      if (phase.get() != Phase.WORKING) {
        lease.release().run(); // the deadline answered while this waited for a connection; nothing began
        return;
      }
      SqlConnection conn = lease.connection();
      current = conn;
      conn.query(dialect.beginWrite()).execute()
          .compose(begun -> work.apply(conn))
          .onComplete(worked -> {
            if (worked.succeeded()) {
              commit(conn, worked.result()).onComplete(settled -> finish(lease, attempt, settled.cause()));
            } else {
              rollback(conn).onComplete(rolledBack -> finish(lease, attempt, worked.cause()));
            }
          });
    });
  }

  /** Sends COMMIT unless the deadline answered first; fails only when nothing was committed. */
  private Future<Void> commit(SqlConnection conn, T result) {
    if (!phase.compareAndSet(Phase.WORKING, Phase.COMMITTING)) {
      return rollback(conn); // already answered 503: this transaction must never commit
    }
    return conn.query("COMMIT").execute().transform(committed -> {
      if (committed.succeeded()) {
        if (phase.compareAndSet(Phase.COMMITTING, Phase.DONE)) {
          answer.tryComplete(result);
        }
        return Future.succeededFuture();
      }
      Throwable failure = committed.cause();
      if (dialect.classify(failure) == DbFailure.UNAVAILABLE) {
        // the connection broke with COMMIT on its way: it may or may not have been applied
        if (phase.compareAndSet(Phase.COMMITTING, Phase.DONE)) {
          answer.tryFail(new OutcomeUnknownException("The connection failed while committing", failure));
        }
        return Future.succeededFuture();
      }
      // the database refused the COMMIT (a Galera certification failure, say): nothing was committed
      phase.compareAndSet(Phase.COMMITTING, Phase.WORKING);
      return rollback(conn).transform(done -> Future.failedFuture(failure));
    });
  }

  private Future<Void> rollback(SqlConnection conn) {
    return conn.query("ROLLBACK").execute().<Void>mapEmpty().recover(failure -> {
      dialect.abort(conn); // a connection that cannot roll back must not go back to the pool
      return Future.succeededFuture();
    });
  }

  private void finish(Lease lease, int attempt, Throwable failure) {
    current = null;
    boolean broken = failure != null && dialect.brokeConnection(failure);
    if (broken) {
      dialect.abort(lease.connection()); // lost, or on a node that refuses every statement: never pooled again
    }
    lease.release().run();
    if (failure != null) {
      retryOrFail(attempt, failure, broken);
    }
  }

  /**
   * Runs the transaction again when nothing of it was written and another run may succeed: the
   * engine refused it as busy or deadlocked (a Galera brute-force abort included), or its
   * connection broke before COMMIT was sent (another connection, on another node of a cluster,
   * may serve it). The budget and the backoff are in {@link RetryBackoff}.
   */
  private void retryOrFail(int attempt, Throwable failure, boolean brokenConnection) {
    if (!brokenConnection && dialect.classify(failure) != DbFailure.TRANSIENT) {
      fail(failure);
      return;
    }
    long elapsedMs = (System.nanoTime() - startedNanos) / 1_000_000;
    if (!RetryBackoff.mayRetry(attempt, elapsedMs)) {
      fail(new DatabaseUnavailableException("The database stayed busy after " + attempt + " attempts", failure));
      return;
    }
    long backoff = RetryBackoff.delayMs(attempt);
    LOG.debug("Transaction attempt {} was refused as busy or lost its connection; retrying in {} ms", attempt, backoff);
    vertx.setTimer(backoff, id -> attempt(attempt + 1));
  }

  private void fail(Throwable failure) {
    if (phase.compareAndSet(Phase.WORKING, Phase.DONE)) {
      answer.tryFail(failure);
    }
  }
}
