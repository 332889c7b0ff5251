package app.ecommerce.auth;

import app.ecommerce.bus.Caller;
import app.ecommerce.bus.Errors;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.Authenticator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks bearer tokens for the HTTP verticles of one node. The signature and expiry are checked
 * locally ({@link AccessTokens}, through vertx-auth-jwt); whether the token was issued, is
 * unrevoked and belongs to an active user (and with which role) is asked of the auth service and then cached for {@link #CACHE_MILLIS}, keyed by
 * the exact token text: a token seen before skips the HMAC and JSON parsing (same text, same
 * signature already checked), but its expiry and revocation are still checked on every request.
 * A logout anywhere in the cluster is published on {@link AuthContract#REVOKED} and refused here
 * at once; a revoked token is remembered until it expires, so a late answer cannot revive it.
 * Entries leave as soon as they can no longer serve: a token's entry when it is revoked, when it
 * expires or once it is older than {@link #CACHE_MILLIS}; a revocation when its token expires. A
 * sweep every {@link #SWEEP_MILLIS} does the time-driven part, so the maps hold the tokens of the
 * last few seconds, not every login until the {@link #MAX_ENTRIES} cap (which stays as the bound
 * against a flood between sweeps). Thread-safe: one instance serves every HTTP verticle of the node.
 */
public final class TokenAuthenticator implements Authenticator {
  /** How long a user's role and active flag may be served from memory. */
  public static final long CACHE_MILLIS = 10_000;
  /** How often expired, stale and revoked entries are dropped. */
  static final long SWEEP_MILLIS = 5_000;
  private static final int MAX_ENTRIES = 100_000;

  /** @param expiresAtSeconds the earlier of the token's {@code exp} and its row's expiry */
  private record Cached(Caller principal, long expiresAtSeconds, long fetchedAtMillis) {
    boolean servesAt(long nowMillis) {
      return nowMillis - fetchedAtMillis < CACHE_MILLIS && expiresAtSeconds > nowMillis / 1000;
    }
  }

  private final AccessTokens tokens;
  private final ServiceClient services;
  /** Keyed by the whole token text, never by a claim of a token whose signature was not checked. */
  private final Map<String, Cached> cache = bounded();
  private final Map<String, Long> revoked = bounded();

  public TokenAuthenticator(AccessTokens tokens, ServiceClient services) {
    this.tokens = tokens;
    this.services = services;
  }

  /**
   * Starts listening for revocations and changed users published by any node, and sweeping the
   * cache; both stop with {@code vertx}.
   */
  public Future<Void> listen(Vertx vertx) {
    vertx.setPeriodic(SWEEP_MILLIS, id -> sweep(System.currentTimeMillis()));
    Future<Void> revocations = vertx.eventBus().<JsonObject>consumer(AuthContract.REVOKED, message -> {
      JsonObject body = message.body();
      revoke(body.getString("jti"), body.getLong("exp", Long.MAX_VALUE));
    }).completion();
    String address = AuthContract.USER_CHANGED + "." + java.util.UUID.randomUUID();
    Future<Void> changes = vertx.eventBus().<JsonObject>consumer(address, message -> {
      forgetUser(message.body().getLong("user_id"));
      message.reply(null);
    }).completion().compose(v -> vertx.sharedData().<String, Boolean>getAsyncMap(AuthContract.TOKEN_CACHES))
        .compose(caches -> caches.put(address, true));
    return Future.all(revocations, changes).mapEmpty();
  }

  /**
   * Drops every cached token of this user: their next request asks the auth service again, which
   * reads the user's role, active flag and zone and the token's revocation from the database.
   * A scan of the cache, but users change rarely.
   */
  public synchronized void forgetUser(long userId) {
    cache.values().removeIf(cached -> cached.principal.userId() == userId);
  }

  /**
   * Refuses the token {@code jti} from now on and drops its cached entries. Remembered until the
   * latest expiry heard of it, so that a verification answered before the revocation cannot put
   * it back. A scan of the cache: it holds only the tokens used in the last {@link #CACHE_MILLIS}.
   */
  public synchronized void revoke(String jti, long expiresAtSeconds) {
    revoked.merge(jti, expiresAtSeconds, Math::max);
    cache.values().removeIf(cached -> cached.principal.jti().equals(jti));
  }

  /** Drops the entries that can no longer serve: expired or stale tokens, revocations of expired ones. */
  synchronized void sweep(long nowMillis) {
    cache.values().removeIf(cached -> !cached.servesAt(nowMillis));
    revoked.values().removeIf(expiresAtSeconds -> expiresAtSeconds <= nowMillis / 1000);
  }

  synchronized int cachedTokens() {
    return cache.size();
  }

  synchronized int revokedTokens() {
    return revoked.size();
  }

  /** Reports the sizes of the cache and of the revocation list as gauges. */
  public void registerMetrics(MeterRegistry registry) {
    Gauge.builder("auth.token.cache.entries", this, TokenAuthenticator::cachedTokens)
        .description("Verified tokens this node serves from memory").register(registry);
    Gauge.builder("auth.revoked.tokens", this, TokenAuthenticator::revokedTokens)
        .description("Revoked, unexpired tokens this node refuses from memory").register(registry);
  }

  @Override
  public Future<Caller> authenticate(String token, String requestId) {
    long nowMillis = System.currentTimeMillis();
    synchronized (this) {
      Cached hit = cache.get(token);
      if (hit != null && nowMillis - hit.fetchedAtMillis < CACHE_MILLIS) {
        if (hit.expiresAtSeconds <= nowMillis / 1000) {
          return Future.failedFuture(Errors.unauthorized("Token has expired"));
        }
        if (revoked.containsKey(hit.principal.jti())) {
          return Future.failedFuture(Errors.unauthorized("Token has been revoked"));
        }
        return Future.succeededFuture(hit.principal);
      }
    }
    return tokens.verify(token, nowMillis / 1000).compose(claims -> {
      String jti = claims.getString("jti");
      long expiresAtSeconds = claims.getLong("exp");
      synchronized (this) {
        if (revoked.containsKey(jti)) {
          return Future.failedFuture(Errors.unauthorized("Token has been revoked"));
        }
      }
      JsonObject question = new JsonObject().put("jti", jti).put("user_id", claims.getLong("user_id"));
      return services.request(AuthContract.VERIFY, question, requestId).map(answer -> {
        Caller principal = Caller.fromJson(answer);
        synchronized (this) {
          if (revoked.containsKey(jti)) {
            throw Errors.unauthorized("Token has been revoked");
          }
          cache.put(token, new Cached(principal, Math.min(expiresAtSeconds, principal.expiresAtSeconds()), nowMillis));
        }
        return principal;
      });
    });
  }

  /**
   * At most {@link #MAX_ENTRIES}, the oldest entry leaving first. In insertion order, not access
   * order: entries live {@link #CACHE_MILLIS} at most, so the oldest is the nearest to leaving
   * anyway, and an access-ordered map relinks the entry it returns, on every request with a token.
   */
  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }
}
