package app.ecommerce.idempotency;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Idempotency keys of writes. A key is claimed by inserting its row at the start of the
 * write's transaction (the primary key makes a concurrent duplicate wait, then fail) and
 * completed with the response before commit, so the key and the write commit together.
 */
final class IdempotencyRepository {
  static final String FIND = "SELECT request_hash, response_code, response_body, created_at FROM idempotency_keys"
      + " WHERE user_id = ? AND idem_key = ?";
  static final String DELETE_KEY = "DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ?";
  static final String CLAIM = "INSERT INTO idempotency_keys (user_id, idem_key, request_hash, response_code,"
      + " response_body, created_at) VALUES (?, ?, ?, 0, '', ?)";
  static final String COMPLETE = "UPDATE idempotency_keys SET response_code = ?, response_body = ?"
      + " WHERE user_id = ? AND idem_key = ?";
  static final String PURGE = "DELETE FROM idempotency_keys WHERE created_at < ?";

  /** A stored key: the hash of the request that used it and the response it got. */
  record Stored(String requestHash, int responseCode, String responseBody, long createdAt) {
    static Stored from(Row row) {
      return new Stored(row.getString("request_hash"), row.getInteger("response_code"),
          row.getString("response_body"), row.getLong("created_at"));
    }
  }

  Future<Stored> find(SqlClient client, long userId, String key) {
    return client.preparedQuery(FIND).execute(Tuple.of(userId, key))
        .map(rows -> rows.size() == 0 ? null : Stored.from(rows.iterator().next()));
  }

  /**
   * Claims the key for this user; with {@code replaceExpired} it first forgets an expired use of
   * it. (Deleting only a row known to exist keeps InnoDB from taking gap locks that would make
   * concurrent first uses of different keys deadlock.)
   */
  Future<Void> claim(SqlClient tx, long userId, String key, String requestHash, long now, boolean replaceExpired) {
    Future<?> cleared = replaceExpired
        ? tx.preparedQuery(DELETE_KEY).execute(Tuple.of(userId, key))
        : Future.succeededFuture();
    return cleared.compose(v -> tx.preparedQuery(CLAIM).execute(Tuple.of(userId, key, requestHash, now))).mapEmpty();
  }

  Future<Void> complete(SqlClient tx, long userId, String key, int code, String body) {
    return tx.preparedQuery(COMPLETE).execute(Tuple.of(code, body, userId, key)).mapEmpty();
  }

  Future<Integer> purge(SqlClient tx, long before) {
    return tx.preparedQuery(PURGE).execute(Tuple.of(before)).map(rows -> rows.rowCount());
  }
}
