package app.ecommerce.auth;

import app.ecommerce.bus.Errors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.regex.Pattern;

/**
 * The access tokens of API.md §3.2: HS256 JSON Web Tokens signed and checked by vertx-auth-jwt
 * ({@link JWTAuth}) with the one key of {@code JWT_SECRET}, so HS256 is the only algorithm it
 * knows (a token naming {@code none}, HS512 or RS256 finds no key and is refused). On top of the
 * signature this class keeps the service's own rules: {@code exp}, {@code iat}, {@code jti},
 * {@code user_id} and {@code typ: "access"} must all be present; {@code exp} has no leeway,
 * {@code iat} may be at most {@link #CLOCK_SKEW_SECONDS} ahead (another node's clock); anything else
 * is a 401 {@code Invalid token}, an expired token a 401 {@code Token has expired}. Whether the token
 * was issued and is unrevoked is the auth service's to say ({@link TokenAuthenticator}).
 * Thread-safe; checking a token takes one HMAC and never blocks.
 */
public final class AccessTokens {
  public static final String ALGORITHM = "HS256";
  private static final long CLOCK_SKEW_SECONDS = 60;
  /**
   * Three segments, the last one the canonical base64url spelling of a 32-byte HMAC: 43
   * characters, the last of which leaves the 2 unused low bits zero. JWTAuth splits with
   * {@code String.split} (which drops trailing empty segments) and decodes with
   * {@code Base64.getUrlDecoder()} (which takes padding and ignores unused bits), so it also
   * accepts a token followed by {@code "."} or {@code ".."}, padded with {@code "="}, or with its
   * last character's unused bits set (tried on vertx-auth-jwt 5.0.7): texts its holder never
   * received, yet the token cache and the revocation list are keyed by the exact text, so one
   * token must have one spelling. TokensTest's aSignatureSpelledOtherThanCanonicallyIsRefused
   * fails without this check.
   */
  private static final Pattern CANONICAL = Pattern.compile("[^.]+\\.[^.]+\\.[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
  /** {@code exp} and {@code iat} are put by the service, so that the token and its row in {@code tokens} agree. */
  private static final JWTOptions SIGNING = new JWTOptions().setAlgorithm(ALGORITHM);

  private final JWTAuth jwt;

  private AccessTokens(JWTAuth jwt) {
    this.jwt = jwt;
  }

  /** @param secret the HS256 key, already checked for length by {@link app.ecommerce.config.JwtSecret} */
  public static AccessTokens create(Vertx vertx, byte[] secret) {
    // expiry is checked below, not by JWTAuth: it applies one leeway to both exp and iat, and its
    // failure is a bare message, where the service answers "Token has expired" for exp alone
    JWTAuthOptions options = new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(Buffer.buffer(secret)))
        .setJWTOptions(new JWTOptions().setAlgorithm(ALGORITHM).setIgnoreExpiration(true));
    return new AccessTokens(JWTAuth.create(vertx, options));
  }

  /** Signs these claims, which must already hold {@code exp}, {@code iat}, {@code jti}, {@code user_id} and {@code typ}. */
  public String issue(JsonObject claims) {
    return jwt.generateToken(claims, SIGNING);
  }

  /** @return the claims of a token that is canonical, signed with our key and not expired; else a 401 */
  public Future<JsonObject> verify(String token, long nowSeconds) {
    if (!CANONICAL.matcher(token).matches()) {
      return Future.failedFuture(invalid());
    }
    Future<User> user;
    try {
      user = jwt.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      // JWTAuth reads exp/iat as numbers outside its own try: a string exp throws here
      return Future.failedFuture(invalid());
    }
    return user.transform(checked -> {
      if (checked.failed()) {
        return Future.failedFuture(invalid());
      }
      JsonObject claims = checked.result().attributes().getJsonObject("accessToken");
      Object exp = claims.getValue("exp");
      Object iat = claims.getValue("iat");
      if (!(exp instanceof Number) || !(iat instanceof Number) || !(claims.getValue("jti") instanceof String)
          || !(claims.getValue("user_id") instanceof Number) || !"access".equals(claims.getValue("typ"))) {
        return Future.failedFuture(invalid());
      }
      if (((Number) exp).longValue() <= nowSeconds) {
        return Future.failedFuture(Errors.unauthorized("Token has expired"));
      }
      if (((Number) iat).longValue() > nowSeconds + CLOCK_SKEW_SECONDS) {
        return Future.failedFuture(invalid());
      }
      return Future.succeededFuture(claims);
    });
  }

  private static RuntimeException invalid() {
    return Errors.unauthorized("Invalid token");
  }
}
