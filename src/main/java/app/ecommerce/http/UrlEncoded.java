package app.ecommerce.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding: every {@code %} is followed by two hex digits and the bytes are valid
 * UTF-8, or the text is refused. (Netty's decoders replace invalid UTF-8 with U+FFFD and the
 * router fails with a 500 on a bad escape in the path.) The HTTP codec hands the request line
 * over as ISO-8859-1, one char per byte, so text is turned back into its bytes first.
 */
final class UrlEncoded {

  private UrlEncoded() {
  }

  /** True when the request path decodes cleanly ('+' is a plus sign in a path). */
  static boolean wellFormedPath(String path) {
    if (plainAscii(path)) {
      return true; // nothing to decode: the path of almost every request
    }
    try {
      decode(path.getBytes(StandardCharsets.ISO_8859_1), 0, path.length(), false);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean plainAscii(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' || c >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param plusIsSpace true in query strings and forms
   * @throws IllegalArgumentException for a bad escape or bytes that are not UTF-8
   */
  static String decode(byte[] bytes, int from, int to, boolean plusIsSpace) {
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == '%') {
        if (i + 2 >= to) {
          throw new IllegalArgumentException("incomplete escape");
        }
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("bad escape");
        }
        out[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else if (b == '+' && plusIsSpace) {
        out[n++] = ' ';
      } else {
        out[n++] = b;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out, 0, n)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8", e);
    }
  }
}
