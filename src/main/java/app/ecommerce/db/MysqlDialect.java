package app.ecommerce.db;

import io.vertx.core.Future;
import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.impl.SocketConnectionBase;
import io.vertx.sqlclient.internal.SqlConnectionInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MySQL 8 and MariaDB 10.5+ (InnoDB); error numbers from their server error references. */
final class MysqlDialect implements Dialect {
  private static final int ER_DUP_ENTRY = 1062;
  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
  private static final int ER_LOCK_DEADLOCK = 1213;
  private static final int ER_ROW_IS_REFERENCED_2 = 1451;
  private static final int ER_NO_REFERENCED_ROW_2 = 1452;
  private static final int ER_CHECK_CONSTRAINT_VIOLATED = 3819;
  private static final int MARIADB_CONSTRAINT_FAILED = 4025;
  private static final int ER_SERVER_SHUTDOWN = 1053;
  /**
   * Galera: "WSREP has not yet prepared node for application use": the node is not in the primary
   * component (joining, desynced, cut off); every statement on it fails until it is.
   */
  private static final int ER_UNKNOWN_COM_ERROR = 1047;
  /** MariaDB: the connection was killed (KILL, or a node shutting down). */
  private static final int ER_CONNECTION_KILLED = 1927;
  private static final int ER_CON_COUNT_ERROR = 1040;
  private static final int ER_QUERY_INTERRUPTED = 1317;
  private static final int ER_DATA_OUT_OF_RANGE = 1690;
  /** MariaDB: the statement ran past max_statement_time and was killed. */
  private static final int ER_STATEMENT_TIMEOUT = 1969;
  private static final Logger LOG = LoggerFactory.getLogger(MysqlDialect.class);

  /**
   * One row, Value ON, on a node of a Galera cluster; OFF on a MariaDB server without its
   * replication, no row on MySQL (which has no such variable; SELECT @@wsrep_on would fail there).
   */
  static final String GALERA_NODE = "SHOW VARIABLES LIKE 'wsrep_on'";

  /** Whether {@link #GALERA_NODE}'s answer says the server is a Galera node. */
  static boolean isGaleraNode(RowSet<Row> rows) {
    for (Row row : rows) {
      if ("ON".equalsIgnoreCase(String.valueOf(row.getValue(1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The SET that a new connection runs: InnoDB's row-lock wait, and on MariaDB a server-side
   * deadline on every statement, so that a slow database fails a statement (the caller answers
   * 503) instead of holding it past the service timeout. MySQL has no such variable for writes;
   * there the client-side deadline ({@link #abort}) is the only one.
   */
  static String sessionDeadlines(SqlConnection conn, int lockWaitSeconds, long statementMs) {
    String set = "SET SESSION innodb_lock_wait_timeout = " + lockWaitSeconds;
    if (conn.databaseMetadata().fullVersion().contains("MariaDB")) {
      set += ", max_statement_time = " + (statementMs / 1000.0);
    }
    return set;
  }

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public Future<Long> insertReturningId(SqlClient client, String sql, Tuple params) {
    return client.preparedQuery(sql).execute(params)
        .map(rows -> rows.property(MySQLClient.LAST_INSERTED_ID));
  }

  @Override
  public String beginWrite() {
    return "START TRANSACTION";
  }

  /**
   * Closes the pooled connection's socket itself: {@code close()} would hand it back to the pool,
   * transaction and all. Reached through the SQL client's internal interfaces, which are public;
   * there is no public API for "drop this pooled connection".
   */
  @Override
  public void abort(SqlConnection connection) {
    if (connection instanceof SqlConnectionInternal pooled
        && pooled.unwrap().unwrap() instanceof SocketConnectionBase socket) {
      socket.socket().close();
    } else {
      LOG.error("Cannot close the socket of {}; closing the connection instead", connection.getClass().getName());
      connection.close();
    }
  }

  @Override
  public String forUpdate() {
    return " FOR UPDATE";
  }

  @Override
  public String straightJoin() {
    return " STRAIGHT_JOIN ";
  }

  @Override
  public String productsById() {
    return "";
  }

  @Override
  public String intDiv(String dividend, String divisor) {
    return "(" + dividend + ") DIV (" + divisor + ")";
  }

  /** A batch reports each statement's failure apart, with no cause: its failures in statement order. */
  @Override
  public java.util.Collection<Throwable> wrapped(Throwable t) {
    if (t instanceof MySQLBatchException batch) {
      return new java.util.TreeMap<>(batch.getIterationError()).values();
    }
    return java.util.List.of();
  }

  @Override
  public boolean unusableConnection(int code, String sqlState) {
    return code == ER_UNKNOWN_COM_ERROR || code == ER_CONNECTION_KILLED || code == ER_SERVER_SHUTDOWN
        || (sqlState != null && sqlState.startsWith("08"));
  }

  @Override
  public DbFailure classifyCode(int code, String sqlState, String message) {
    switch (code) {
      case ER_DUP_ENTRY:
        return DbFailure.UNIQUE_VIOLATION;
      case ER_LOCK_DEADLOCK: // also a Galera brute-force abort or certification failure
      case ER_LOCK_WAIT_TIMEOUT:
      case ER_UNKNOWN_COM_ERROR:
        return DbFailure.TRANSIENT;
      case ER_CHECK_CONSTRAINT_VIOLATED:
      case MARIADB_CONSTRAINT_FAILED:
      case ER_ROW_IS_REFERENCED_2:
      case ER_NO_REFERENCED_ROW_2:
        return DbFailure.CONSTRAINT_VIOLATION;
      case ER_DATA_OUT_OF_RANGE:
        return DbFailure.OVERFLOW;
      case ER_SERVER_SHUTDOWN:
      case ER_CON_COUNT_ERROR:
      case ER_QUERY_INTERRUPTED:
      case ER_STATEMENT_TIMEOUT:
      case ER_CONNECTION_KILLED:
        return DbFailure.UNAVAILABLE;
      default:
        return sqlState != null && sqlState.startsWith("08") ? DbFailure.UNAVAILABLE : DbFailure.OTHER;
    }
  }
}
