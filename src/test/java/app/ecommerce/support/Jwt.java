package app.ecommerce.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds JSON Web Tokens by hand, so that tests can forge every kind of bad token. */
public final class Jwt {
  public static final JsonObject HS256 = new JsonObject().put("alg", "HS256").put("typ", "JWT");

  private Jwt() {
  }

  /** HS256 with the test server's secret. */
  public static String sign(JsonObject claims) {
    return sign(HS256, claims, TestServer.JWT_SECRET);
  }

  /** header.payload.HMAC-SHA256(header.payload, secret), all base64url without padding. */
  public static String sign(JsonObject header, JsonObject claims, String secret) {
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
