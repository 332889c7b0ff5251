package app.ecommerce.logging;

/**
 * Escapes the control characters of text that may come from a client (a path, a header value, a
 * decoder's complaint about one), so that a log line stays one line and a terminal showing it
 * never sees a carriage return, an escape sequence or a bell: C0 (U+0000–U+001F), DEL and C1
 * (U+0080–U+009F, which some terminals read as escape sequences too) become {@code \r}, {@code \n},
 * {@code \t} or {@code \}{@code u00XX}, as in JSON.
 */
public final class ControlCharacters {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ControlCharacters() {
  }

  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  /** The text itself when it has no control character (the usual case, without copying). */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int first = 0;
    while (first < text.length() && !isControl(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
