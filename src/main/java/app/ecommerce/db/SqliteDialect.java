package app.ecommerce.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/** SQLite 3.35+ (RETURNING); result codes as in https://sqlite.org/rescode.html. */
final class SqliteDialect implements Dialect {
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
  private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public Future<Long> insertReturningId(SqlClient client, String sql, Tuple params) {
    return client.preparedQuery(sql + " RETURNING id").execute(params)
        .map(rows -> rows.iterator().next().getLong(0));
  }

  @Override
  public String forUpdate() {
    return "";
  }

  @Override
  public String beginWrite() {
    return "BEGIN IMMEDIATE";
  }

  @Override
  public void abort(SqlConnection connection) {
    // in process: the statement in flight finishes on its worker and the transaction rolls back
  }

  @Override
  public String straightJoin() {
    return " CROSS JOIN ";
  }

  @Override
  public String productsById() {
    return " INDEXED BY ix_products_order_id";
  }

  @Override
  public String intDiv(String dividend, String divisor) {
    return "(" + dividend + ") / (" + divisor + ")";
  }

  @Override
  public DbFailure classifyCode(int code, String sqlState, String message) {
    int primary = code & 0xFF;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || message.contains("SQLITE_BUSY")
        || message.contains("database is locked")) {
      return DbFailure.TRANSIENT;
    }
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
        || message.contains("UNIQUE constraint failed")) {
      return DbFailure.UNIQUE_VIOLATION;
    }
    if (primary == SQLITE_CONSTRAINT || message.contains("constraint failed")) {
      return DbFailure.CONSTRAINT_VIOLATION;
    }
    if (message.contains("integer overflow")) { // SUM() past 2^63 - 1; SQLITE_ERROR has no finer code
      return DbFailure.OVERFLOW;
    }
    return DbFailure.OTHER;
  }
}
