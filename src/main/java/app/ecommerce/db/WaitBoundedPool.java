package app.ecommerce.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A pool whose wait for a connection is bounded here rather than by the Vert.x pool's own timer.
 * The pool's timer races the hand-over of a recycled connection inside vertx-core 5.0.x
 * ({@code SimpleConnectionPool}, eclipse-vertx/vert.x#6169, fixed only in 5.1): a waiter served
 * in the instant its timer fires is also failed, which logs {@code Promise already completed} and
 * leaves {@code vertx_pool_queue_pending} one lower for good. So the wrapped pool has no wait
 * timeout, and each {@link #getConnection()} races its own timer instead: past {@code waitMs} the
 * caller gets {@link DatabaseUnavailableException} (503), and the connection, when it comes, goes
 * straight back. The waiter keeps its place in the pool's bounded queue until then. Every query
 * of this pool runs on a connection leased that way.
 */
final class WaitBoundedPool implements Pool {
  private final Vertx vertx;
  private final Pool pool;
  private final long waitMs;
  private final LongAdder leases = new LongAdder();

  /** @param pool a pool built with no connection timeout (PoolOptions connectionTimeout 0) */
  WaitBoundedPool(Vertx vertx, Pool pool, long waitMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.waitMs = waitMs;
  }

  @Override
  public Future<SqlConnection> getConnection() {
    leases.increment();
    Promise<SqlConnection> leased = Promise.promise();
    long timer = vertx.setTimer(waitMs, id -> leased.tryFail(
        new DatabaseUnavailableException("Timed out waiting " + waitMs + " ms for a database connection", null)));
    pool.getConnection().onComplete(conn -> {
      vertx.cancelTimer(timer);
      if (conn.succeeded() && !leased.tryComplete(conn.result())) {
        conn.result().close(); // the caller was answered at the deadline
      } else if (conn.failed()) {
        leased.tryFail(conn.cause());
      }
    });
    return leased.future();
  }

  /** How many connections were asked of this pool so far, every query's included. */
  long leases() {
    return leases.sum();
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    return new Leased<>(conn -> conn.query(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    return new Leased<>(conn -> conn.preparedQuery(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    return new Leased<>(conn -> conn.preparedQuery(sql, options));
  }

  @Override
  public int size() {
    return pool.size();
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }

  /** A query run on a connection of {@link #getConnection()}, given back once it is answered. */
  private final class Leased<T> implements PreparedQuery<T> {
    private final Function<SqlConnection, Query<T>> query;

    Leased(Function<SqlConnection, Query<T>> query) {
      this.query = query;
    }

    private Future<T> run(Function<Query<T>, Future<T>> execution) {
      return withConnection(conn -> execution.apply(query.apply(conn)));
    }

    @Override
    public Future<T> execute() {
      return run(Query::execute);
    }

    @Override
    public Future<T> execute(Tuple tuple) {
      return run(q -> ((PreparedQuery<T>) q).execute(tuple));
    }

    @Override
    public Future<T> executeBatch(List<Tuple> batch) {
      return run(q -> ((PreparedQuery<T>) q).executeBatch(batch));
    }

    @Override
    public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
      return new Leased<>(conn -> query.apply(conn).collecting(collector));
    }

    @Override
    public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
      return new Leased<>(conn -> query.apply(conn).mapping(mapper));
    }
  }
}
