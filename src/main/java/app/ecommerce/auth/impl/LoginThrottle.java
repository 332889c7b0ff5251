package app.ecommerce.auth.impl;

import app.ecommerce.bus.Errors;
import app.ecommerce.db.Database;
import app.ecommerce.db.DbFailure;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Login throttling (API.md §3.2): 5 failed logins for one e-mail within 15 minutes, or 50 from one
 * client address, and every further attempt for it is refused with 429 and {@code Retry-After}
 * (even with the right password) until the oldest counted failure leaves the window.
 *
 * <p>An attempt is counted before its password is checked: {@link #reserve} takes the e-mail's and
 * the address's rows of {@code login_throttle_keys} (so that reservations for either run one after
 * the other, on every node), counts their failures and the attempts still in flight, and records
 * the attempt in the same transaction. Failures plus attempts in flight never exceed a limit, so
 * no more passwords are checked than the limit allows, however many attempts arrive at once; an
 * attempt that would pass it waits ({@link #BUSY}) until one in flight settles. A settled attempt
 * leaves {@code login_attempts}: a failure becomes a row of {@code login_failures}; a success is
 * never counted; refused attempts are not counted either.
 */
final class LoginThrottle {
  static final int MAX_FAILURES_PER_EMAIL = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 50;
  static final int MAX_EMAIL_CHARACTERS = 254;
  static final long WINDOW_MICROS = 15L * 60 * 1_000_000;
  /** An attempt unsettled for this long was lost with its node (argon2 takes milliseconds): it stops counting. */
  static final long STALE_ATTEMPT_MICROS = 2L * 60 * 1_000_000;
  static final String TOO_MANY = "Too many failed logins; try again later";
  /** The reservation found the limit filled by attempts in flight: try again when one settles. */
  static final RuntimeException BUSY = new RuntimeException("Login attempts in flight fill the limit", null, false,
      false) {
  };

  static final String LOCK_KEY = "UPDATE login_throttle_keys SET used_at = ? WHERE throttle_key = ?";
  static final String ADD_KEY = "INSERT INTO login_throttle_keys (throttle_key, used_at) VALUES (?, ?)";
  static final String FAILURES_BY_EMAIL = "SELECT COUNT(*) FROM (SELECT 1 FROM login_failures WHERE email = ?"
      + " AND failed_at > ? LIMIT ?) f";
  static final String FAILURES_BY_ADDRESS = "SELECT COUNT(*) FROM (SELECT 1 FROM login_failures"
      + " WHERE client_address = ? AND failed_at > ? LIMIT ?) f";
  static final String IN_FLIGHT_BY_EMAIL = "SELECT COUNT(*) FROM login_attempts WHERE email = ? AND started_at > ?";
  static final String IN_FLIGHT_BY_ADDRESS = "SELECT COUNT(*) FROM login_attempts WHERE client_address = ?"
      + " AND started_at > ?";
  /** The failure that must leave the window before the next attempt: the N-th most recent one. */
  static final String NTH_RECENT_BY_EMAIL = "SELECT failed_at FROM login_failures WHERE email = ? AND failed_at > ?"
      + " ORDER BY failed_at DESC LIMIT 1 OFFSET ?";
  static final String NTH_RECENT_BY_ADDRESS = "SELECT failed_at FROM login_failures WHERE client_address = ?"
      + " AND failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?";
  static final String ADD_ATTEMPT = "INSERT INTO login_attempts (email, client_address, started_at) VALUES (?, ?, ?)";
  static final String DROP_ATTEMPT = "DELETE FROM login_attempts WHERE id = ?";
  static final String RECORD_FAILURE = "INSERT INTO login_failures (email, client_address, failed_at) VALUES (?, ?, ?)";
  static final String PURGE_FAILURES = "DELETE FROM login_failures WHERE failed_at <= ?";
  static final String PURGE_ATTEMPTS = "DELETE FROM login_attempts WHERE started_at <= ?";
  static final String PURGE_KEYS = "DELETE FROM login_throttle_keys WHERE used_at <= ?";

  /** A key row that did not exist yet (or was purged): added, then the reservation runs again. */
  private static final class MissingKey extends RuntimeException {
    private final String key;

    MissingKey(String key) {
      super(key, null, false, false);
      this.key = key;
    }
  }

  private static final int MAX_KEY_TRIES = 3;

  private final Database db;

  LoginThrottle(Database db) {
    this.db = db;
  }

  /**
   * One try at counting an attempt: its id when its password may be checked now; 429 when the
   * e-mail or the address has used up its failures; {@link #BUSY} when attempts in flight fill
   * what is left of a limit.
   */
  Future<Long> reserve(String email, String address) {
    return reserve(email, address, 1);
  }

  private Future<Long> reserve(String email, String address, int tries) {
    return db.inTransaction(tx -> {
      long now = Times.nowMicros();
      // the address first, then the e-mail, always: two reservations never wait for each other in a cycle
      return lock(tx, addressKey(address), now)
          .compose(v -> lock(tx, emailKey(email), now))
          .compose(v -> count(tx, email, address, now))
          .compose(counts -> decide(tx, email, address, now, counts));
    }).recover(failure -> {
      if (failure instanceof MissingKey missing && tries < MAX_KEY_TRIES) {
        return addKey(missing.key).compose(v -> reserve(email, address, tries + 1));
      }
      return Future.failedFuture(failure);
    });
  }

  private static Future<Void> lock(SqlConnection tx, String key, long now) {
    return tx.preparedQuery(LOCK_KEY).execute(Tuple.of(now, key)).compose(rows -> rows.rowCount() == 1
        ? Future.succeededFuture()
        : Future.failedFuture(new MissingKey(key)));
  }

  /** Adds a key row in its own transaction; another attempt adding it at the same moment is as good. */
  private Future<Void> addKey(String key) {
    return db.inTransaction(tx -> tx.preparedQuery(ADD_KEY).execute(Tuple.of(key, Times.nowMicros())))
        .<Void>mapEmpty()
        .recover(failure -> db.dialect().classify(failure) == DbFailure.UNIQUE_VIOLATION
            ? Future.succeededFuture()
            : Future.failedFuture(failure));
  }

  /** [failures by e-mail, failures by address, in flight by e-mail, in flight by address]. */
  private static Future<long[]> count(SqlClient tx, String email, String address, long now) {
    long since = now - WINDOW_MICROS;
    long fresh = now - STALE_ATTEMPT_MICROS;
    long[] counts = new long[4];
    return tx.preparedQuery(FAILURES_BY_EMAIL).execute(Tuple.of(email, since, MAX_FAILURES_PER_EMAIL))
        .compose(rows -> {
          counts[0] = single(rows);
          return tx.preparedQuery(FAILURES_BY_ADDRESS).execute(Tuple.of(address, since, MAX_FAILURES_PER_ADDRESS));
        }).compose(rows -> {
          counts[1] = single(rows);
          return tx.preparedQuery(IN_FLIGHT_BY_EMAIL).execute(Tuple.of(email, fresh));
        }).compose(rows -> {
          counts[2] = single(rows);
          return tx.preparedQuery(IN_FLIGHT_BY_ADDRESS).execute(Tuple.of(address, fresh));
        }).map(rows -> {
          counts[3] = single(rows);
          return counts;
        });
  }

  private Future<Long> decide(SqlConnection tx, String email, String address, long now, long[] counts) {
    boolean emailUsedUp = counts[0] >= MAX_FAILURES_PER_EMAIL;
    boolean addressUsedUp = counts[1] >= MAX_FAILURES_PER_ADDRESS;
    if (emailUsedUp || addressUsedUp) {
      return retryAfter(tx, email, address, now, emailUsedUp, addressUsedUp)
          .compose(seconds -> Future.failedFuture(Errors.tooManyRequests(TOO_MANY, seconds)));
    }
    if (counts[0] + counts[2] >= MAX_FAILURES_PER_EMAIL || counts[1] + counts[3] >= MAX_FAILURES_PER_ADDRESS) {
      return Future.failedFuture(BUSY);
    }
    return db.dialect().insertReturningId(tx, ADD_ATTEMPT, Tuple.of(email, address, now));
  }

  /** Seconds until the failure that blocks leaves the window (the later one when both block). */
  private static Future<Long> retryAfter(SqlClient tx, String email, String address, long now, boolean byEmail,
                                         boolean byAddress) {
    long since = now - WINDOW_MICROS;
    Future<Long> email1 = byEmail
        ? tx.preparedQuery(NTH_RECENT_BY_EMAIL).execute(Tuple.of(email, since, MAX_FAILURES_PER_EMAIL - 1))
            .map(LoginThrottle::first)
        : Future.succeededFuture(null);
    return email1.compose(fromEmail -> (byAddress
        ? tx.preparedQuery(NTH_RECENT_BY_ADDRESS).execute(Tuple.of(address, since, MAX_FAILURES_PER_ADDRESS - 1))
            .map(LoginThrottle::first)
        : Future.<Long>succeededFuture(null))
        .map(fromAddress -> {
          long blockedUntil = Math.max(fromEmail == null ? 0 : fromEmail, fromAddress == null ? 0 : fromAddress);
          return (blockedUntil + WINDOW_MICROS - now + 999_999) / 1_000_000;
        }));
  }

  /** Settles an attempt whose password was wrong (or whose user is inactive): it becomes a failure. */
  Future<Void> recordFailure(long attemptId, String email, String address) {
    return db.inTransaction(tx -> tx.preparedQuery(DROP_ATTEMPT).execute(Tuple.of(attemptId))
        .compose(v -> tx.preparedQuery(RECORD_FAILURE).execute(Tuple.of(email, address, Times.nowMicros()))))
        .mapEmpty();
  }

  /** Settles a successful attempt inside the transaction that issues its token: never counted. */
  Future<Void> dropAttempt(SqlClient tx, long attemptId) {
    return tx.preparedQuery(DROP_ATTEMPT).execute(Tuple.of(attemptId)).mapEmpty();
  }

  /** Withdraws an attempt whose password was never checked (the check was refused, or failed). */
  Future<Void> withdraw(long attemptId) {
    return db.inTransaction(tx -> dropAttempt(tx, attemptId));
  }

  /** Housekeeping: failures that left the window, lost attempts, keys nobody used within the window. */
  Future<Integer> purgeExpired() {
    long now = Times.nowMicros();
    return db.inTransaction(tx -> {
      int[] purged = new int[1];
      return run(tx, PURGE_FAILURES, now - WINDOW_MICROS, purged)
          .compose(v -> run(tx, PURGE_ATTEMPTS, now - STALE_ATTEMPT_MICROS, purged))
          .compose(v -> run(tx, PURGE_KEYS, now - WINDOW_MICROS, purged))
          .map(v -> purged[0]);
    });
  }

  private static Future<Void> run(SqlClient tx, String sql, long before, int[] purged) {
    return tx.preparedQuery(sql).execute(Tuple.of(before)).map(rows -> {
      purged[0] += rows.rowCount();
      return null;
    });
  }

  /**
   * The e-mail as attempts are counted under: at most 254 characters, the column's size. Login
   * takes up to 254 characters before lower-casing, which can lengthen them ("İ" becomes an i and a combining dot);
   * no account has such an address (accounts' addresses are ASCII), so counting it under its
   * first 254 characters loses nothing.
   */
  static String countedEmail(String email) {
    return email.codePointCount(0, email.length()) <= MAX_EMAIL_CHARACTERS ? email
        : email.substring(0, email.offsetByCodePoints(0, MAX_EMAIL_CHARACTERS));
  }

  static String emailKey(String email) {
    return "e:" + email;
  }

  static String addressKey(String address) {
    return "a:" + address;
  }

  /** Both keys of an attempt, in the order reservations lock them. */
  static List<String> keys(String email, String address) {
    return List.of(addressKey(address), emailKey(email));
  }

  private static long single(RowSet<Row> rows) {
    return rows.iterator().next().getLong(0);
  }

  private static Long first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next().getLong(0);
  }
}
