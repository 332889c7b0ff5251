package app.ecommerce.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written Authorization parsing accepts and refuses exactly what the regex split did. */
class BearerTokenTest {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final List<String> PIECES = List.of("Bearer", "bearer", "BEARER", "Bear", "Bearerx", "xBearer",
      "eyJ.abc-_", "tok", " ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u001C", "\u00A0", "\u2003", "");

  private static String byRegex(String header) {
    String[] parts = WHITESPACE.split(header.strip());
    return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? parts[1] : null;
  }

  @Test
  void agreesWithTheRegexSplitOnSeededRandomHeaders() {
    Random random = new Random(20261128);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder header = new StringBuilder();
      for (int n = 1 + random.nextInt(5); n > 0; n--) {
        header.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String h = header.toString();
      assertEquals(byRegex(h), BearerToken.parse(h.strip()), () -> "header " + h.chars().mapToObj(Integer::toHexString).toList());
    }
  }

  @Test
  void theUsualShapes() {
    assertEquals("a.b.c", BearerToken.parse("Bearer a.b.c"));
    assertEquals("a.b.c", BearerToken.parse("bEaReR \t a.b.c"));
    assertEquals(null, BearerToken.parse("Bearer"));
    assertEquals(null, BearerToken.parse("Bearer a b"));
    assertEquals(null, BearerToken.parse("Basic a"));
    assertEquals(null, BearerToken.parse(""));
  }
}
