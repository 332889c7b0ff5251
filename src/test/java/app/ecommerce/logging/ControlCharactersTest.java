package app.ecommerce.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The escaping both log formats apply to what a client may have sent. */
class ControlCharactersTest {

  @Test
  void textWithoutControlCharactersIsReturnedAsItIs() {
    String plain = "GET /ecommerce/v1/get_product 200 1.25 ms request_id=abc ünïcödé \\ \\n";
    assertSame(plain, ControlCharacters.escape(plain));
  }

  @Test
  void everyC0CharacterDelAndC1AreEscaped() {
    assertEquals("a\\rb\\nc\\td\\u001B[31m\\u0007\\u0000\\u007F\\u009B\\u0085é",
        ControlCharacters.escape("a\rb\nc\td\u001b[31m\u0007\u0000\u007f\u009b\u0085é"));
    for (char c = 0; c < 0xA0; c++) {
      String escaped = ControlCharacters.escape("x" + c + "y");
      boolean control = c < 0x20 || c >= 0x7F;
      assertEquals(!control, escaped.equals("x" + c + "y"), "U+" + Integer.toHexString(c));
      for (char e : escaped.toCharArray()) {
        assertFalse(ControlCharacters.isControl(e), "U+" + Integer.toHexString(c) + " became " + escaped);
      }
    }
  }

  @Test
  void exceptionMessagesAreEscapedToo() {
    EscapedThrowableConverter converter = new EscapedThrowableConverter();
    converter.setContext(new LoggerContext());
    converter.start();
    LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("x"), Level.INFO, "m",
        new IllegalArgumentException("bad header: abc\rFORGED\u001b[2J", new IllegalStateException("cause\nline")), null);
    String trace = converter.convert(event);
    assertTrue(trace.contains("bad header: abc\\rFORGED\\u001B[2J"), trace);
    assertTrue(trace.contains("cause\\nline"), trace);
    assertFalse(trace.contains("\r") || trace.contains("\u001b"), trace);
  }

  @Test
  void theJsonFormatEscapesDelAndC1AsWellAsC0() {
    LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("x"), Level.INFO,
        "p\u001b\u007f\u009bq\rz", null, null);
    String line = new String(new JsonLineEncoder().encode(event), StandardCharsets.UTF_8);
    assertTrue(line.contains("p\\u001B\\u007F\\u009Bq\\rz"), line);
    assertEquals("p\u001b\u007f\u009bq\rz", new JsonObject(line).getString("message"));
  }
}
