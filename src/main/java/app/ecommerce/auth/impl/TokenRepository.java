package app.ecommerce.auth.impl;

import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** The tokens table: every issued token, so that unknown and revoked ones can be refused. */
final class TokenRepository {
  static final String INSERT = "INSERT INTO tokens (jti, user_id, issued_at, expires_at) VALUES (?, ?, ?, ?)";
  static final String REVOKE = "UPDATE tokens SET revoked_at = ? WHERE jti = ? AND revoked_at IS NULL";
  static final String FIND_WITH_USER = "SELECT t.user_id, t.expires_at, t.revoked_at, u.email, u.role,"
      + " u.is_active, u.timezone FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.jti = ?";
  static final String REVOKE_OTHERS = "UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND jti <> ? AND revoked_at IS NULL";
  static final String DELETE_EXPIRED = "DELETE FROM tokens WHERE expires_at < ?";

  /** A token and the current state of its user. */
  record TokenState(long userId, long expiresAt, Long revokedAt, String email, String role, boolean userActive,
                    String timezone) {
    static TokenState from(Row row) {
      return new TokenState(row.getLong("user_id"), row.getLong("expires_at"), row.getLong("revoked_at"),
          row.getString("email"), row.getString("role"), row.getLong("is_active") == 1L, row.getString("timezone"));
    }
  }

  private final Database db;

  TokenRepository(Database db) {
    this.db = db;
  }

  Future<Void> insert(SqlClient client, String jti, long userId, long issuedAt, long expiresAt) {
    return client.preparedQuery(INSERT).execute(Tuple.of(jti, userId, issuedAt, expiresAt)).mapEmpty();
  }

  Future<Void> revoke(SqlClient client, String jti, long now) {
    return client.preparedQuery(REVOKE).execute(Tuple.of(now, jti)).mapEmpty();
  }

  /** Revokes every token of the user but one. */
  Future<Void> revokeOthers(SqlClient client, long userId, String keptJti, long now) {
    return client.preparedQuery(REVOKE_OTHERS).execute(Tuple.of(now, userId, keptJti)).mapEmpty();
  }

  Future<TokenState> find(String jti) {
    return db.pool().preparedQuery(FIND_WITH_USER).execute(Tuple.of(jti))
        .map(rows -> rows.size() == 0 ? null : TokenState.from(rows.iterator().next()));
  }

  /** Housekeeping: expired tokens can never be accepted again, so they need not be kept. */
  Future<Integer> deleteExpired(SqlClient client, long before) {
    return client.preparedQuery(DELETE_EXPIRED).execute(Tuple.of(before)).map(rows -> rows.rowCount());
  }
}
