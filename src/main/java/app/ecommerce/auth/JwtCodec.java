package app.ecommerce.auth;

import app.ecommerce.bus.Errors;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens with the algorithm pinned: the header must say exactly HS256, the
 * signature is compared in constant time and must be the canonical base64url text, and {@code exp}, {@code iat}, {@code jti},
 * {@code user_id} and {@code typ: "access"} must all be present. Anything else is a 401.
 */
public final class JwtCodec {
  /** HS256 needs a key at least as long as its output. */
  public static final int MIN_SECRET_BYTES = 32;
  private static final String HEADER = Base64.getUrlEncoder().withoutPadding()
      .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Base64.Encoder SIGNATURE = Base64.getUrlEncoder().withoutPadding();
  private static final long CLOCK_SKEW_SECONDS = 60;

  private final SecretKeySpec key;
  /** A Mac is not thread-safe and costly to look up, so each thread keeps one initialised with the key. */
  private final ThreadLocal<Mac> macs;

  public JwtCodec(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public String sign(JsonObject claims) {
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toBuffer().getBytes());
    String signingInput = HEADER + "." + payload;
    return signingInput + "." + SIGNATURE.encodeToString(mac(signingInput));
  }

  /** @return the claims of a token that is well formed, signed with our key and not expired */
  public JsonObject verify(String token, long nowSeconds) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || token.length() > 8192
        || !SEGMENT.matcher(parts[0]).matches() || !SEGMENT.matcher(parts[1]).matches()
        || !SEGMENT.matcher(parts[2]).matches()) {
      throw invalid();
    }
    JsonObject header = decodeObject(parts[0]);
    if (!"HS256".equals(header.getValue("alg"))) {
      throw invalid();
    }
    byte[] expected = mac(parts[0] + "." + parts[1]);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    // the decoder ignores the unused low bits of the last character, so several strings decode to
    // the same signature: only the canonical one is accepted, so that one token has one spelling
    if (!MessageDigest.isEqual(expected, given) || !parts[2].equals(SIGNATURE.encodeToString(given))) {
      throw invalid();
    }
    JsonObject claims = decodeObject(parts[1]);
    Object exp = claims.getValue("exp");
    Object iat = claims.getValue("iat");
    if (!(exp instanceof Number) || !(iat instanceof Number) || !(claims.getValue("jti") instanceof String)
        || !(claims.getValue("user_id") instanceof Number) || !"access".equals(claims.getValue("typ"))) {
      throw invalid();
    }
    if (((Number) exp).longValue() <= nowSeconds) {
      throw Errors.unauthorized("Token has expired");
    }
    if (((Number) iat).longValue() > nowSeconds + CLOCK_SKEW_SECONDS) {
      throw invalid();
    }
    return claims;
  }

  private static JsonObject decodeObject(String segment) {
    try {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  private byte[] mac(String signingInput) {
    return macs.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static RuntimeException invalid() {
    return Errors.unauthorized("Invalid token");
  }
}
