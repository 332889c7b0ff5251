package app.ecommerce.http.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** tryParse's shortcut for plain integers answers exactly what the JSON parser answers. */
class JsonInputTest {
  private static Optional<Object> byParser(String text) {
    try {
      return Optional.ofNullable(JsonInput.parse(text)).or(() -> Optional.of(JsonInput.NULL));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  @Test
  void agreesWithTheParserOnIntegerLikeText() {
    List<String> edges = List.of("", "-", "0", "-0", "00", "01", "-01", "+1", " 1", "1 ", "1.0", "1e3", "12a",
        "999999999999999999", "-999999999999999999", "1000000000000000000", "9223372036854775807",
        "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890", "true", "null", "\"5\"");
    for (String text : edges) {
      assertEquals(byParser(text), JsonInput.tryParse(text), text);
    }
    Random random = new Random(20261128);
    String alphabet = "-+0123456789 .eE";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(22); n > 0; n--) {
        text.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
            : (char) ('0' + random.nextInt(10)));
      }
      String t = text.toString();
      assertEquals(byParser(t), JsonInput.tryParse(t), t);
    }
  }
}
