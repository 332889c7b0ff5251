package app.ecommerce.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Reads the token of an {@code Authorization: Bearer <token>} header, and says what a 401 asks
 * for in {@code WWW-Authenticate} (RFC 6750 §3). Written out rather than a regex split, which
 * scanned the whole token on every authenticated request (docs/benchmarks.md).
 */
final class BearerToken {
  /** A token was presented and refused: bad, forged, expired, revoked, or its user inactive. */
  static final String INVALID_TOKEN = "invalid_token";
  /** Several Authorization headers, or Bearer credentials that are not one token. */
  static final String INVALID_REQUEST = "invalid_request";
  private static final String ERROR = "bearer_error";
  /** The characters of the regex {@code \s}: what may separate "Bearer" from its token, and nothing else. */
  private static final char[] SPACES = {' ', '\t', '\n', 0x0B, '\f', '\r'};

  private BearerToken() {
  }

  /**
   * The token of "Bearer &lt;token&gt;": exactly two words separated by whitespace (the characters of
   * the regex {@code \s}), the first one "Bearer" in any case; else null. The token is searched
   * once per space character with {@link String#indexOf(int, int)}, a JVM intrinsic, rather than
   * looped over character by character.
   */
  static String parse(String header) {
    int gap = 0;
    while (gap < header.length() && !isSpace(header.charAt(gap))) {
      gap++;
    }
    int start = gap;
    while (start < header.length() && isSpace(header.charAt(start))) {
      start++;
    }
    if (gap != 6 || start == header.length() || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
      return null;
    }
    for (char space : SPACES) {
      if (header.indexOf(space, start) >= 0) {
        return null;
      }
    }
    return header.substring(start);
  }

  /**
   * Whether a header that {@link #parse} refused still names the Bearer scheme with something
   * after it ({@code Bearer a b}): a malformed request, not one that lacks credentials.
   */
  static boolean isMalformedBearer(String header) {
    return header.length() > 6 && header.regionMatches(true, 0, "Bearer", 0, 6) && isSpace(header.charAt(6));
  }

  /** Records why this request's 401, if it comes to one, refuses its credentials. */
  static void refuse(RoutingContext ctx, String error) {
    ctx.put(ERROR, error);
  }

  /**
   * The {@code WWW-Authenticate} of a 401: {@code Bearer error="..."} for credentials that were
   * sent and refused, plain {@code Bearer} when there were none (or of another scheme), as RFC
   * 6750 §3 asks. The reason itself is the envelope's message.
   */
  static String challenge(RoutingContext ctx) {
    String error = ctx.get(ERROR);
    return error == null ? "Bearer" : "Bearer error=\"" + error + "\"";
  }

  private static boolean isSpace(char c) {
    for (char space : SPACES) {
      if (c == space) {
        return true;
      }
    }
    return false;
  }
}
