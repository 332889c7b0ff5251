package app.ecommerce.support;

import io.vertx.core.json.JsonObject;

/** Text helpers of the tests: bodies of an exact size, and values short and visible enough to name a case. */
public final class Texts {
  private Texts() {
  }

  /** {@code json} plus an unknown field {@code pad}, encoded to exactly {@code size} bytes. */
  public static String padded(JsonObject json, int size) {
    String start = json.copy().put("pad", "").encode();
    int fill = size - start.length();
    return start.substring(0, start.length() - 2) + "x".repeat(fill) + "\"}";
  }

  /** At most about 60 characters, control and invisible characters spelled as {@code \\uXXXX}. */
  public static String abbreviate(String text) {
    String visible = text.length() <= 60 ? text : text.substring(0, 24) + "…(" + text.length() + " chars)";
    StringBuilder out = new StringBuilder();
    visible.codePoints().forEach(c -> out.append(c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x202E || c == 0xFEFF
        || c == 0x200B ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
    return out.toString();
  }
}
