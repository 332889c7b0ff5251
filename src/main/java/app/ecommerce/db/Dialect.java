package app.ecommerce.db;

import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * The few real differences between SQLite and MySQL/MariaDB. Repositories are written once with
 * {@code ?} placeholders and ask the dialect only for what differs.
 */
public interface Dialect {

  String name();

  /** Runs an INSERT and returns the generated id of the new row. */
  Future<Long> insertReturningId(SqlClient client, String sql, Tuple params);

  /**
   * Suffix that locks the selected rows until the transaction ends. Empty on SQLite, where a
   * write transaction (BEGIN IMMEDIATE) already excludes every other writer.
   */
  String forUpdate();

  /** The statement that begins a write transaction. */
  String beginWrite();

  /**
   * Makes sure a connection in the middle of a transaction can never commit it: closes its
   * socket, so the server rolls the transaction back (at once, or when it wakes up) and the pool
   * drops the connection. A no-op where the database lives in this process (SQLite): there the
   * caller's own ROLLBACK is the guarantee.
   */
  void abort(SqlConnection connection);

  /**
   * A join of two tables that the engine must run in the order written (the left one drives): a
   * keyset page walks the index of its order on the left table and looks the other up per row.
   * {@code CROSS JOIN} on SQLite, {@code STRAIGHT_JOIN} on MySQL/MariaDB; both take an ON clause.
   */
  String straightJoin();

  /**
   * What follows {@code products p} where a search reads its matches' filter columns by id alone:
   * on SQLite {@code INDEXED BY} the narrow ix_products_order_id (id, is_active, category_id,
   * price_cents), whose entries are a fraction of the table's rows (those carry the description
   * and the search text); "" on MariaDB, whose table is its primary key and which has no
   * secondary index leading with the id (V32_3).
   */
  String productsById();

  /** Integer division of two integer SQL expressions, truncating toward zero on both engines. */
  String intDiv(String dividend, String divisor);

  /** Engine-specific error codes only; the common causes are in {@link #classify(Throwable)}. */
  DbFailure classifyCode(int errorCode, String sqlState, String message);

  /**
   * Whether a failure means the database cannot answer now (unreachable, busy, or a conflict that
   * outlived its retries): the caller gets a 503 and may try again, not a 500.
   */
  default boolean isUnavailable(Throwable failure) {
    DbFailure kind = classify(failure);
    return kind == DbFailure.UNAVAILABLE || kind == DbFailure.TRANSIENT;
  }

  /** Whether a write's COMMIT was sent and not confirmed in time: the caller gets 504, outcome unknown. */
  default boolean isOutcomeUnknown(Throwable failure) {
    return classify(failure) == DbFailure.OUTCOME_UNKNOWN;
  }

  /**
   * Maps any failure of a database call to what it means for the caller: the first cause in its
   * chain that says, where a cause that wraps several failures (a batch's, {@link #wrapped}) means
   * the strongest of them: a batch with one deadlocked statement is a deadlock, whatever the
   * statements after it answered (InnoDB rolled the whole transaction back).
   */
  default DbFailure classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      java.util.Collection<Throwable> parts = wrapped(t);
      if (!parts.isEmpty()) {
        return strongest(parts.stream().map(this::classify).toList());
      }
      DbFailure kind = classifyOne(t);
      if (kind != null) {
        return kind;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return DbFailure.OTHER;
  }

  /**
   * The failures a throwable carries beside its cause chain, in order: a batch's per-statement
   * failures ({@code MySQLBatchException} reports them there, with no cause). Empty by default.
   */
  default java.util.Collection<Throwable> wrapped(Throwable t) {
    return java.util.List.of();
  }

  /**
   * Whether the failure means the connection itself is lost or unusable (closed, reset, or a node
   * that refuses every statement): before COMMIT was sent nothing was written, so the transaction
   * may run again on another connection, and this one must not go back to the pool.
   */
  default boolean brokeConnection(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DatabaseUnavailableException || t instanceof OutcomeUnknownException) {
        return false; // our own verdicts: already final
      }
      if (t instanceof ClosedConnectionException || t instanceof IOException || isClosedWhileSending(t)) {
        return true;
      }
      for (Throwable part : wrapped(t)) {
        if (brokeConnection(part)) {
          return true;
        }
      }
      if (t instanceof DatabaseException d && unusableConnection(d.getErrorCode(), d.getSqlState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Engine error codes after which the connection must be dropped (see {@link #brokeConnection}). */
  default boolean unusableConnection(int errorCode, String sqlState) {
    return false;
  }

  /** The strongest of several failures: the one that says most about the whole transaction. */
  private static DbFailure strongest(java.util.List<DbFailure> kinds) {
    for (DbFailure first : new DbFailure[] {DbFailure.OUTCOME_UNKNOWN, DbFailure.UNAVAILABLE, DbFailure.TRANSIENT}) {
      if (kinds.contains(first)) {
        return first;
      }
    }
    return kinds.stream().filter(kind -> kind != DbFailure.OTHER).findFirst().orElse(DbFailure.OTHER);
  }

  /** One throwable on its own, or null when it says nothing (its causes may). */
  private DbFailure classifyOne(Throwable t) {
    if (t instanceof OutcomeUnknownException) {
      return DbFailure.OUTCOME_UNKNOWN;
    }
    if (t instanceof DatabaseUnavailableException
        || t instanceof TimeoutException
        || t instanceof ConnectionPoolTooBusyException
        || t instanceof ClosedConnectionException
        || t instanceof IOException) {
      return DbFailure.UNAVAILABLE;
    }
    if (isVertxTimeout(t) || isClosedWhileSending(t)) {
      return DbFailure.UNAVAILABLE;
    }
    if (t instanceof DatabaseException d) {
      return classifyCode(d.getErrorCode(), d.getSqlState(), String.valueOf(d.getMessage()));
    }
    if (t instanceof SQLException s) {
      if (s.getSQLState() != null && s.getSQLState().startsWith("08")) {
        return DbFailure.UNAVAILABLE;
      }
      return classifyCode(s.getErrorCode(), s.getSQLState(), String.valueOf(s.getMessage()));
    }
    return null;
  }

  /**
   * The SQL client's connection closed with requests still queued on it (a database node killed
   * under load): it fails them with a bare VertxException saying so.
   */
  private static boolean isClosedWhileSending(Throwable t) {
    return t.getClass().getName().startsWith("io.vertx.") && t.getMessage() != null
        && t.getMessage().startsWith("Pending requests failed to be sent");
  }

  /**
   * Vert.x gave up waiting: for a free pool connection ("Timeout") or for a new connection's
   * handshake ("Timeout waiting for connection"). It raises these as bare Vert.x throwables.
   */
  private static boolean isVertxTimeout(Throwable t) {
    return t.getClass().getName().startsWith("io.vertx.") && t.getMessage() != null
        && t.getMessage().startsWith("Timeout");
  }
}
