package app.ecommerce.http;

/**
 * Reads the token of an {@code Authorization: Bearer <token>} header. Written out rather than a
 * regex split, which scanned the whole token on every authenticated request (docs/benchmarks.md).
 */
final class BearerToken {
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

  private static boolean isSpace(char c) {
    for (char space : SPACES) {
      if (c == space) {
        return true;
      }
    }
    return false;
  }
}
