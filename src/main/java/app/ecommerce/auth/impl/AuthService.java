package app.ecommerce.auth.impl;

import app.ecommerce.auth.AuthContract;
import app.ecommerce.auth.AccessTokens;
import app.ecommerce.bus.Caller;
import app.ecommerce.bus.Errors;
import app.ecommerce.db.Database;
import app.ecommerce.db.DbFailure;
import app.ecommerce.idempotency.IdempotentWrites;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Accounts and tokens: registration, login, logout and token verification. */
final class AuthService {
  static final String BAD_CREDENTIALS = "User with specified credentials does not exists.";
  static final String DUPLICATE_EMAIL = "User with specified email already exists.";
  static final String WRONG_PASSWORD = "Current password is incorrect";
  static final String USER_NOT_FOUND = "User not found";
  static final String LAST_ADMIN = "The last active admin cannot be deactivated or demoted";

  private final Vertx vertx;
  private final Database db;
  private final UserRepository users;
  private final TokenRepository tokens;
  private final PasswordHasher hasher;
  private final AccessTokens jwt;
  private final LoginThrottle throttle;
  private final LoginQueue logins;
  private final long ttlSeconds;
  private final IdempotentWrites writes;

  /** @param loginQueue how many password checks may wait on this node ({@code LOGIN_QUEUE}) */
  AuthService(Vertx vertx, Database db, PasswordHasher hasher, AccessTokens jwt, int ttlMinutes, int loginQueue) {
    this.vertx = vertx;
    this.db = db;
    this.users = new UserRepository(db);
    this.tokens = new TokenRepository(db);
    this.hasher = hasher;
    this.jwt = jwt;
    this.throttle = new LoginThrottle(db);
    this.logins = new LoginQueue(vertx, throttle, hasher, loginQueue);
    this.ttlSeconds = ttlMinutes * 60L;
    this.writes = new IdempotentWrites(db);
  }

  Future<JsonObject> register(JsonObject in) {
    String email = in.getString("email").toLowerCase(Locale.ROOT);
    return users.findByEmail(email).compose(existing -> {
      if (existing != null) {
        return Future.failedFuture(Errors.unprocessable(DUPLICATE_EMAIL));
      }
      return hasher.hash(in.getString("password"));
    }).compose(hash -> {
      long now = Times.nowMicros();
      return db.inTransaction(tx -> users.insert(tx, in.getString("first_name"), in.getString("last_name"), email,
              hash, Caller.CUSTOMER, in.getString("timezone"), now))
          .recover(failure -> db.dialect().classify(failure) == DbFailure.UNIQUE_VIOLATION
              ? Future.failedFuture(Errors.unprocessable(DUPLICATE_EMAIL)) // lost a race to the unique index
              : Future.failedFuture(failure))
          .map(id -> userJson(id, in.getString("first_name"), in.getString("last_name"), email,
              in.getString("timezone"), Caller.CUSTOMER, now));
    });
  }

  /**
   * Unknown e-mail, wrong password and inactive user fail alike, after the same argon2 work. The
   * attempt is counted before its password is checked ({@link LoginThrottle}); throttled callers
   * are refused before any password is checked, and a login that must wait for the attempts in
   * flight of its e-mail or address waits in this node's {@link LoginQueue}.
   */
  Future<JsonObject> login(JsonObject in) {
    String email = in.getString("email").strip().toLowerCase(Locale.ROOT);
    String counted = LoginThrottle.countedEmail(email);
    String address = in.getString("client_address", "unknown");
    return logins.run(counted, address, attempt -> check(in.getString("password"), email, counted, address, attempt)
        .andThen(settled -> vertx.eventBus().publish(AuthContract.LOGIN_SETTLED,
            new JsonObject().put("email", counted).put("client_address", address))));
  }

  /** An attempt of this e-mail and address settled on some node: a login waiting for it tries again. */
  void loginSettled(JsonObject attempt) {
    logins.settled(attempt.getString("email"), attempt.getString("client_address"));
  }

  /** @param counted the e-mail as the throttle counts it ({@link LoginThrottle#countedEmail}) */
  private Future<JsonObject> check(String password, String email, String counted, String address, long attempt) {
    boolean[] settled = {false};
    return users.findByEmail(email)
        .compose(user -> hasher.verify(user == null ? null : user.passwordHash(), password)
            .compose(matches -> {
              if (!matches || !user.active()) {
                return throttle.recordFailure(attempt, counted, address)
                    .onSuccess(recorded -> settled[0] = true)
                    .transform(recorded -> Future.failedFuture(Errors.unprocessable(BAD_CREDENTIALS)));
              }
              return issueToken(user, attempt).onSuccess(issued -> settled[0] = true);
            }))
        .onFailure(failure -> {
          if (!settled[0]) {
            throttle.withdraw(attempt); // never checked (refused, or the database failed): not a failure
          }
        });
  }

  Future<Integer> purgeLoginFailures() {
    return throttle.purgeExpired();
  }

  private Future<JsonObject> issueToken(UserRepository.User user, long attempt) {
    long nowMicros = Times.nowMicros();
    long iat = nowMicros / 1_000_000;
    long exp = iat + ttlSeconds;
    String jti = UUID.randomUUID().toString();
    return db.inTransaction(tx -> tokens.insert(tx, jti, user.id(), nowMicros, exp * 1_000_000)
            .compose(v -> users.touchLastLogin(tx, user.id(), nowMicros))
            .compose(v -> throttle.dropAttempt(tx, attempt)))
        .map(v -> {
          JsonObject claims = new JsonObject()
              .put("exp", exp)
              .put("iat", iat)
              .put("jti", jti)
              .put("typ", "access")
              .put("user_id", user.id())
              .put("email", user.email())
              .put("first_name", user.firstName())
              .put("last_name", user.lastName())
              .put("role", user.role());
          return new JsonObject()
              .put("access_token", jwt.issue(claims))
              .put("token_type", "bearer")
              .put("expires_in", ttlSeconds);
        });
  }

  Future<JsonObject> logout(JsonObject in) {
    Caller caller = Caller.of(in);
    return db.inTransaction(tx -> tokens.revoke(tx, caller.jti(), Times.nowMicros()))
        .map(v -> {
          vertx.eventBus().publish(AuthContract.REVOKED,
              new JsonObject().put("jti", caller.jti()).put("exp", caller.expiresAtSeconds()));
          return new JsonObject();
        });
  }

  Future<JsonObject> verify(JsonObject in) {
    String jti = in.getString("jti");
    return tokens.find(jti).map(state -> {
      if (state == null || state.userId() != in.getLong("user_id")) {
        throw Errors.unauthorized("Invalid token");
      }
      if (state.revokedAt() != null) {
        throw Errors.unauthorized("Token has been revoked");
      }
      if (state.expiresAt() <= Times.nowMicros()) {
        throw Errors.unauthorized("Token has expired");
      }
      if (!state.userActive()) {
        throw Errors.unauthorized("User is inactive");
      }
      return new Caller(state.userId(), state.email(), state.role(), state.timezone(), jti,
          state.expiresAt() / 1_000_000).toJson();
    });
  }

  /** Creates or updates the configured administrator; safe when several nodes start at once. */
  Future<Void> ensureAdmin(String email, String password, String timezone) {
    String normalized = email.strip().toLowerCase(Locale.ROOT);
    return hasher.hash(password).compose(hash -> db.inTransaction(tx -> {
      long now = Times.nowMicros();
      return users.updateAdmin(tx, normalized, hash, timezone, now).compose(updated -> updated > 0
          ? Future.<Void>succeededFuture()
          : users.insert(tx, "Admin", "Administrator", normalized, hash, Caller.ADMIN, timezone, now).mapEmpty());
    }).recover(failure -> db.dialect().classify(failure) == DbFailure.UNIQUE_VIOLATION
        ? ensureAdmin(email, password, timezone) // another node inserted it first: update instead
        : Future.failedFuture(failure)));
  }

  /** The caller's own record, times in their zone. */
  Future<JsonObject> me(JsonObject in) {
    Caller caller = Caller.of(in);
    return users.findById(db.pool(), caller.userId()).map(user -> {
      if (user == null) {
        throw Errors.unauthorized("User not found");
      }
      return userJson(user, Times.zone(user.timezone()));
    });
  }

  /** Any of first_name, last_name, timezone; every node then reads the new zone at once. */
  Future<JsonObject> updateMe(JsonObject in) {
    Caller caller = Caller.of(in);
    return writes.run(AuthContract.UPDATE_ME, in, tx -> users.updateProfile(tx, caller.userId(),
            in.getString("first_name"), in.getString("last_name"), in.getString("timezone"), Times.nowMicros())
            .compose(v -> users.findById(tx, caller.userId()))
            .map(user -> userJson(user, Times.zone(user.timezone()))))
        // also after a replay: the first answer may have been lost before every node heard of it
        .compose(json -> userChanged(caller.userId()).map(json));
  }

  /**
   * Checks the current password like a login (counted by the throttle: a wrong one is a failure
   * of that e-mail), then stores the new hash and revokes every other token of the user in the
   * same transaction; every node forgets what it cached of them. The presented token stays valid.
   */
  Future<JsonObject> changePassword(JsonObject in) {
    Caller caller = Caller.of(in);
    String counted = LoginThrottle.countedEmail(caller.email());
    String address = in.getString("client_address", "unknown");
    return logins.run(counted, address, attempt -> {
      boolean[] settled = {false};
      return users.findById(db.pool(), caller.userId())
          .compose(user -> hasher.verify(user == null ? null : user.passwordHash(), in.getString("current_password"))
              .compose(matches -> {
                if (!matches) {
                  return throttle.recordFailure(attempt, counted, address)
                      .onSuccess(recorded -> settled[0] = true)
                      .transform(recorded -> Future.<JsonObject>failedFuture(
                          Errors.validation(java.util.Map.of("current_password", WRONG_PASSWORD))));
                }
                return hasher.hash(in.getString("new_password")).compose(hash -> db.inTransaction(tx -> {
                  long now = Times.nowMicros();
                  return users.updatePassword(tx, caller.userId(), hash, now)
                      .compose(v -> tokens.revokeOthers(tx, caller.userId(), caller.jti(), now))
                      .compose(v -> throttle.dropAttempt(tx, attempt));
                })).compose(v -> {
                  settled[0] = true;
                  return userChanged(caller.userId()).map(new JsonObject());
                });
              }))
          .onFailure(failure -> {
            if (!settled[0]) {
              throttle.withdraw(attempt);
            }
          });
    }).andThen(settled -> vertx.eventBus().publish(AuthContract.LOGIN_SETTLED,
        new JsonObject().put("email", counted).put("client_address", address)));
  }

  /** Users, filtered by q (substring of e-mail or name), role and is_active; times in the admin's zone. */
  Future<JsonObject> listUsers(JsonObject in) {
    ZoneId zone = Times.zone(Caller.timezoneOf(in));
    long page = in.getLong("page");
    long perPage = in.getLong("per_page");
    String q = in.getString("q");
    String role = in.getString("role");
    Boolean active = in.getBoolean("is_active");
    return Future.all(users.page(q, role, active, in.getString("order_by"), "desc".equals(in.getString("order")),
            perPage, (page - 1) * perPage), users.count(q, role, active))
        .map(both -> {
          io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
          for (io.vertx.sqlclient.Row row : both.<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>>resultAt(0)) {
            list.add(userJson(UserRepository.User.from(row), zone));
          }
          long total = both.resultAt(1);
          return new JsonObject().put("users", list).put("page", page).put("per_page", perPage).put("total", total)
              .put("has_more", page * perPage < total);
        });
  }

  /**
   * Deactivates, reactivates, promotes or demotes a user, effective on every node at once. The
   * active admins are locked first (in id order) and counted: the last one cannot lose the role
   * or be deactivated, even when two admins demote each other at the same moment.
   */
  Future<JsonObject> updateUser(JsonObject in) {
    long id = in.getLong("user_id");
    String role = in.getString("role");
    Boolean active = in.getBoolean("is_active");
    ZoneId zone = Times.zone(Caller.timezoneOf(in));
    return writes.run(AuthContract.UPDATE_USER, in, tx -> users.lockActiveAdmins(tx).compose(admins -> users.findById(tx, id)
        .compose(user -> {
          if (user == null) {
            return Future.failedFuture(Errors.notFound(USER_NOT_FOUND));
          }
          boolean losesAdmin = admins.contains(id)
              && (Boolean.FALSE.equals(active) || Caller.CUSTOMER.equals(role));
          if (losesAdmin && admins.size() <= 1) {
            return Future.failedFuture(Errors.conflict(LAST_ADMIN, new JsonObject()));
          }
          return users.updateAccess(tx, id, role, active, Times.nowMicros()).compose(v -> users.findById(tx, id))
              .map(updated -> userJson(updated, zone));
        })))
        // also after a replay: the first answer may have been lost before every node heard of it
        .compose(json -> userChanged(id).map(json));
  }

  /**
   * Every node forgets what it cached of this user's tokens, and says so, before the change is
   * answered: a publication would leave a window (milliseconds, but a next request to another node
   * can fall in it). A node that does not answer within the timeout (gone, or its address left
   * behind by a crash) is not waited for longer.
   */
  private Future<Void> userChanged(long userId) {
    JsonObject body = new JsonObject().put("user_id", userId);
    DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(AuthContract.USER_CHANGED_ACK_MS);
    return vertx.sharedData().<String, Boolean>getAsyncMap(AuthContract.TOKEN_CACHES)
        .compose(caches -> caches.keys())
        .compose(addresses -> Future.join(addresses.stream()
            .map(address -> vertx.eventBus().request(address, body, timeout).otherwiseEmpty())
            .collect(Collectors.toList())))
        .otherwiseEmpty()
        .mapEmpty();
  }

  static JsonObject userJson(UserRepository.User user, ZoneId zone) {
    return new JsonObject()
        .put("id", user.id())
        .put("first_name", user.firstName())
        .put("last_name", user.lastName())
        .put("email", user.email())
        .put("timezone", user.timezone())
        .put("role", user.role())
        .put("is_active", user.active())
        .put("created_at", Times.iso(user.createdAt(), zone))
        .put("updated_at", Times.iso(user.updatedAt(), zone));
  }

  Future<Integer> deleteExpiredTokens() {
    return db.inTransaction(tx -> tokens.deleteExpired(tx, Times.nowMicros()));
  }

  static JsonObject userJson(long id, String firstName, String lastName, String email, String timezone, String role,
                             long createdAt) {
    ZoneId zone = Times.zone(timezone);
    return new JsonObject()
        .put("id", id)
        .put("first_name", firstName)
        .put("last_name", lastName)
        .put("email", email)
        .put("timezone", timezone)
        .put("role", role)
        .put("is_active", true)
        .put("created_at", Times.iso(createdAt, zone))
        .put("updated_at", Times.iso(createdAt, zone));
  }
}
