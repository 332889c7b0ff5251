package app.ecommerce.auth.impl;

import app.ecommerce.auth.Argon2Hashing;
import app.ecommerce.auth.AuthContract;
import app.ecommerce.auth.AccessTokens;
import app.ecommerce.bus.ServiceOperations;
import app.ecommerce.config.AppConfig;
import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@link AuthContract} on the event bus; creates or updates the configured admin at start. */
public final class AuthVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AuthVerticle.class);
  private static final long TOKEN_SWEEP_MS = 60 * 60 * 1000L;
  private static final long FAILURE_SWEEP_MS = 5 * 60 * 1000L;

  private final AppConfig config;
  private final Database db;
  private final AccessTokens jwt;
  private PasswordHasher hasher;

  public AuthVerticle(AppConfig config, Database db, AccessTokens jwt) {
    this.config = config;
    this.db = db;
    this.jwt = jwt;
  }

  @Override
  public Future<?> start() {
    hasher = new PasswordHasher(vertx, Argon2Hashing.configured(config), config.loginQueue());
    AuthService service = new AuthService(vertx, db, hasher, jwt, config.jwtTtlMinutes(), config.loginQueue());
    Future<Void> settlements = vertx.eventBus().<JsonObject>consumer(AuthContract.LOGIN_SETTLED,
        message -> service.loginSettled(message.body())).completion();
    vertx.setPeriodic(TOKEN_SWEEP_MS, id -> service.deleteExpiredTokens()
        .onFailure(e -> LOG.warn("Could not delete expired tokens: {}", e.toString())));
    vertx.setPeriodic(FAILURE_SWEEP_MS, id -> service.purgeLoginFailures()
        .onFailure(e -> LOG.warn("Could not purge old login failures: {}", e.toString())));
    Future<Void> admin = config.adminEmail() == null || config.adminPassword() == null
        ? Future.succeededFuture()
        : service.ensureAdmin(config.adminEmail(), config.adminPassword(), config.adminTimezone())
            .onSuccess(v -> LOG.info("Administrator {} is ready", config.adminEmail()));
    return Future.all(hasher.start(), admin, settlements).compose(ready -> ServiceOperations.bind(vertx, Map.ofEntries(
        Map.entry(AuthContract.REGISTER, service::register),
        Map.entry(AuthContract.GET_ME, service::me),
        Map.entry(AuthContract.UPDATE_ME, service::updateMe),
        Map.entry(AuthContract.CHANGE_PASSWORD, service::changePassword),
        Map.entry(AuthContract.LIST_USERS, service::listUsers),
        Map.entry(AuthContract.UPDATE_USER, service::updateUser),
        Map.entry(AuthContract.LOGIN, service::login),
        Map.entry(AuthContract.LOGOUT, service::logout),
        Map.entry(AuthContract.VERIFY, service::verify),
        Map.entry(AuthContract.PING, body -> db.ping().map(v -> new JsonObject()))),
        db.dialect()::isUnavailable, db.dialect()::isOutcomeUnknown));
  }

  @Override
  public Future<?> stop() {
    return hasher == null ? Future.succeededFuture() : hasher.close();
  }
}
