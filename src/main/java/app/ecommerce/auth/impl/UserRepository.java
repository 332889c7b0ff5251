package app.ecommerce.auth.impl;

import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** The users table. */
final class UserRepository {
  static final String COLUMNS =
      "id, first_name, last_name, email, password_hash, role, is_active, timezone, last_login, created_at, updated_at";
  static final String FIND_BY_EMAIL = "SELECT " + COLUMNS + " FROM users WHERE email = ?";
  static final String INSERT = "INSERT INTO users (first_name, last_name, email, password_hash, role, is_active,"
      + " timezone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)";
  static final String TOUCH_LAST_LOGIN = "UPDATE users SET last_login = ?, updated_at = ? WHERE id = ?";
  static final String UPDATE_ADMIN = "UPDATE users SET password_hash = ?, role = 'admin', is_active = 1,"
      + " timezone = ?, updated_at = ? WHERE email = ?";

  /** A row of users. */
  record User(long id, String firstName, String lastName, String email, String passwordHash, String role,
              boolean active, String timezone, Long lastLogin, long createdAt, long updatedAt) {
    static User from(Row row) {
      return new User(row.getLong("id"), row.getString("first_name"), row.getString("last_name"),
          row.getString("email"), row.getString("password_hash"), row.getString("role"),
          row.getLong("is_active") == 1L, row.getString("timezone"), row.getLong("last_login"),
          row.getLong("created_at"), row.getLong("updated_at"));
    }
  }

  private final Database db;

  UserRepository(Database db) {
    this.db = db;
  }

  Future<User> findByEmail(String email) {
    return db.pool().preparedQuery(FIND_BY_EMAIL).execute(Tuple.of(email))
        .map(rows -> rows.size() == 0 ? null : User.from(rows.iterator().next()));
  }

  Future<Long> insert(SqlClient client, String firstName, String lastName, String email, String passwordHash,
                      String role, String timezone, long now) {
    return db.dialect().insertReturningId(client, INSERT,
        Tuple.of(firstName, lastName, email, passwordHash, role, timezone, now, now));
  }

  Future<Void> touchLastLogin(SqlClient client, long userId, long now) {
    return client.preparedQuery(TOUCH_LAST_LOGIN).execute(Tuple.of(now, now, userId)).mapEmpty();
  }

  /** @return how many rows were updated: 0 when no user has this e-mail */
  Future<Integer> updateAdmin(SqlClient client, String email, String passwordHash, String timezone, long now) {
    return client.preparedQuery(UPDATE_ADMIN).execute(Tuple.of(passwordHash, timezone, now, email))
        .map(rows -> rows.rowCount());
  }
}
