package app.ecommerce.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JSON Web Tokens for tests: well-formed ones signed by vertx-auth-jwt as the server signs them,
 * with claims the test chooses, and by hand the headers no library would write, so that tests can
 * forge every kind of bad token.
 */
public final class Jwt {
  public static final JsonObject HS256 = new JsonObject().put("alg", "HS256").put("typ", "JWT");

  private Jwt() {
  }

  /** HS256 with the test server's secret, through JWTAuth: exactly these claims, nothing added. */
  public static String sign(Vertx vertx, JsonObject claims) {
    return sign(vertx, "HS256", claims, TestServer.JWT_SECRET);
  }

  /** A genuine token of this HMAC algorithm (HS256, HS384, HS512) and key, through JWTAuth. */
  public static String sign(Vertx vertx, String algorithm, JsonObject claims, String secret) {
    JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm(algorithm).setBuffer(Buffer.buffer(secret.getBytes(StandardCharsets.UTF_8)))));
    // no timestamp: a test that leaves iat out means it
    return auth.generateToken(claims.copy(), new JWTOptions().setAlgorithm(algorithm).setNoTimestamp(true));
  }

  /** header.payload.HMAC-SHA256(header.payload, secret), all base64url without padding, whatever the header says. */
  public static String forge(JsonObject header, JsonObject claims, String secret) {
    String input = segment(header) + "." + segment(claims);
    return input + "." + b64(hmac(input, secret));
  }

  /** header.payload. with an empty signature, as {@code alg: none} tokens are sent. */
  public static String unsigned(JsonObject header, JsonObject claims) {
    return segment(header) + "." + segment(claims) + ".";
  }

  /** The claims of a token (not verified). */
  public static JsonObject claims(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String segment(JsonObject json) {
    return b64(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] hmac(String input, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
