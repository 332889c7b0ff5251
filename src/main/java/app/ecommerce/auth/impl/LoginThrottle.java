package app.ecommerce.auth.impl;

import app.ecommerce.bus.Errors;
import app.ecommerce.db.Database;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * Login throttling (API.md §3.2): 5 failed logins for one e-mail within 15 minutes, or 50 from one
 * client address, and every further attempt for it is refused with 429 and {@code Retry-After}
 * (even with the right password) until the oldest counted failure leaves the window. Failures
 * live in the database, so every node of a cluster counts the same ones; refused attempts are
 * not counted, successful logins never are.
 */
final class LoginThrottle {
  static final int MAX_FAILURES_PER_EMAIL = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 50;
  static final long WINDOW_MICROS = 15L * 60 * 1_000_000;
  static final String TOO_MANY = "Too many failed logins; try again later";

  /** The failure that must leave the window before the next attempt: the N-th most recent one. */
  static final String NTH_RECENT_BY_EMAIL = "SELECT failed_at FROM login_failures WHERE email = ? AND failed_at > ?"
      + " ORDER BY failed_at DESC LIMIT 1 OFFSET ?";
  static final String NTH_RECENT_BY_ADDRESS = "SELECT failed_at FROM login_failures WHERE client_address = ?"
      + " AND failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?";
  static final String RECORD = "INSERT INTO login_failures (email, client_address, failed_at) VALUES (?, ?, ?)";
  static final String PURGE = "DELETE FROM login_failures WHERE failed_at <= ?";

  private final Database db;

  LoginThrottle(Database db) {
    this.db = db;
  }

  /** Fails with 429 when this e-mail or this address has used up its failures. */
  Future<Void> check(String email, String address) {
    long now = Times.nowMicros();
    long since = now - WINDOW_MICROS;
    return Future.all(
            db.pool().preparedQuery(NTH_RECENT_BY_EMAIL).execute(Tuple.of(email, since, MAX_FAILURES_PER_EMAIL - 1)),
            db.pool().preparedQuery(NTH_RECENT_BY_ADDRESS).execute(Tuple.of(address, since, MAX_FAILURES_PER_ADDRESS - 1)))
        .compose(both -> {
          Long blockedUntil = latest(oldestCounted(both.resultAt(0)), oldestCounted(both.resultAt(1)));
          if (blockedUntil == null) {
            return Future.succeededFuture();
          }
          long seconds = (blockedUntil + WINDOW_MICROS - now + 999_999) / 1_000_000;
          return Future.failedFuture(Errors.tooManyRequests(TOO_MANY, seconds));
        });
  }

  Future<Void> recordFailure(String email, String address) {
    return db.inTransaction(tx -> tx.preparedQuery(RECORD).execute(Tuple.of(email, address, Times.nowMicros())))
        .mapEmpty();
  }

  Future<Integer> purgeExpired() {
    return db.inTransaction(tx -> tx.preparedQuery(PURGE).execute(Tuple.of(Times.nowMicros() - WINDOW_MICROS)))
        .map(RowSet::rowCount);
  }

  private static Long oldestCounted(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next().getLong(0);
  }

  private static Long latest(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
