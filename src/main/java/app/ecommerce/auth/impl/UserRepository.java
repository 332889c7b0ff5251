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
  static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
  /** Every column is NOT NULL, so a null parameter means "unchanged". */
  static final String UPDATE_PROFILE = "UPDATE users SET first_name = COALESCE(?, first_name),"
      + " last_name = COALESCE(?, last_name), timezone = COALESCE(?, timezone), updated_at = ? WHERE id = ?";
  static final String UPDATE_PASSWORD = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
  static final String UPDATE_ACCESS = "UPDATE users SET role = COALESCE(?, role), is_active = COALESCE(?, is_active),"
      + " updated_at = ? WHERE id = ?";
  /** Locks the active admins, in id order, so that two demotions at once cannot both see another admin. */
  static final String LOCK_ACTIVE_ADMINS = "SELECT id FROM users WHERE role = 'admin' AND is_active = 1 ORDER BY id";
  static final String LIST = "SELECT " + COLUMNS + " FROM users WHERE 1 = 1";
  static final String COUNT = "SELECT COUNT(*) FROM users WHERE 1 = 1";
  /** q: a substring of the e-mail or either name, as text (LIKE escaped with '!'); ASCII case folded. */
  static final String AND_TEXT = " AND (email LIKE ? ESCAPE '!' OR LOWER(first_name) LIKE ? ESCAPE '!'"
      + " OR LOWER(last_name) LIKE ? ESCAPE '!')";
  static final String AND_ROLE = " AND role = ?";
  static final String AND_ACTIVE = " AND is_active = ?";
  static final String PAGE = " LIMIT ? OFFSET ?";
  static final java.util.Map<String, String> ORDER_BY = java.util.Map.of("id", "id", "email", "email",
      "created_at", "created_at", "last_login", "last_login");
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

  Future<User> findById(SqlClient client, long id) {
    return client.preparedQuery(FIND_BY_ID).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : User.from(rows.iterator().next()));
  }

  Future<Void> updateProfile(SqlClient tx, long id, String firstName, String lastName, String timezone, long now) {
    return tx.preparedQuery(UPDATE_PROFILE).execute(Tuple.of(firstName, lastName, timezone, now, id)).mapEmpty();
  }

  Future<Void> updatePassword(SqlClient tx, long id, String hash, long now) {
    return tx.preparedQuery(UPDATE_PASSWORD).execute(Tuple.of(hash, now, id)).mapEmpty();
  }

  Future<Void> updateAccess(SqlClient tx, long id, String role, Boolean active, long now) {
    return tx.preparedQuery(UPDATE_ACCESS).execute(Tuple.of(role, active == null ? null : active ? 1 : 0, now, id))
        .mapEmpty();
  }

  Future<java.util.List<Long>> lockActiveAdmins(SqlClient tx) {
    return tx.preparedQuery(LOCK_ACTIVE_ADMINS + db.dialect().forUpdate()).execute()
        .map(rows -> {
          java.util.List<Long> ids = new java.util.ArrayList<>();
          rows.forEach(row -> ids.add(row.getLong("id")));
          return ids;
        });
  }

  /** A page of users matching q (lower-cased), role and is_active (each null: any). */
  Future<io.vertx.sqlclient.RowSet<Row>> page(String q, String role, Boolean active, String orderBy, boolean descending,
                                               long limit, long offset) {
    Tuple params = Tuple.tuple();
    String where = filters(q, role, active, params);
    String dir = descending ? " DESC" : " ASC";
    String column = ORDER_BY.get(orderBy);
    String order = " ORDER BY " + column + dir + (column.equals("id") ? "" : ", id" + dir);
    return db.pool().preparedQuery(LIST + where + order + PAGE).execute(params.addLong(limit).addLong(offset));
  }

  Future<Long> count(String q, String role, Boolean active) {
    Tuple params = Tuple.tuple();
    return db.pool().preparedQuery(COUNT + filters(q, role, active, params)).execute(params)
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static String filters(String q, String role, Boolean active, Tuple params) {
    StringBuilder where = new StringBuilder();
    if (q != null) {
      String pattern = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
          .replace("_", "!_") + "%";
      where.append(AND_TEXT);
      params.addString(pattern).addString(pattern).addString(pattern);
    }
    if (role != null) {
      where.append(AND_ROLE);
      params.addString(role);
    }
    if (active != null) {
      where.append(AND_ACTIVE);
      params.addInteger(active ? 1 : 0);
    }
    return where.toString();
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
