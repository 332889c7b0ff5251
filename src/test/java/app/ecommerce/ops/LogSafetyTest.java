package app.ecommerce.ops;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client can make the server log (API.md §4): in the text format (the one this JVM's
 * logback runs, from conf/logback.xml) no control character a client sent reaches the output, and
 * a request whose client went away mid-body is logged as such, at INFO, with no status it never
 * got, and stays out of the request metrics.
 */
abstract class LogSafetyTest extends EngineTest {

  /** Everything the log appender writes to standard output while {@code action} runs, and a moment after. */
  private static String printedDuring(ThrowingRunnable action, Predicate<String> done) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (captured) {
          captured.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (captured) {
          captured.write(b, off, len);
        }
        original.write(b, off, len);
      }
    }, true);
    System.setOut(tee);
    try {
      action.run();
      for (int i = 0; i < 200; i++) {
        synchronized (captured) {
          if (done.test(captured.toString(StandardCharsets.UTF_8))) {
            break;
          }
        }
        Thread.sleep(20);
      }
    } finally {
      System.setOut(original);
    }
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void controlCharactersFromAClientNeverReachTheTextLog() throws Exception {
    String id = "ctl-" + System.nanoTime();
    String printed = printedDuring(() -> {
      // a CR inside a header value: the decoder refuses it, and its complaint quotes the value
      Api.raw(server.port(), "GET /ecommerce/v1/get_categories HTTP/1.1\r\nHost: x\r\nX-Request-ID: " + id
          + "-cr\r\nX-Evil: abc\rFORGED 2026-01-01 INFO fake line\r\nConnection: close\r\n\r\n");
      // ESC, BEL and other C0 characters inside the path, which the access line shows
      Api.raw(server.port(), ("GET /ecommerce/v1/\u001b[31mred\u0007\u0008\u007f HTTP/1.1\r\nHost: x\r\nX-Request-ID: " + id
          + "-esc\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }, text -> text.contains(id + "-esc") && text.contains("FORGED"));

    assertTrue(printed.contains(id + "-esc"), () -> "the access line of the request: " + printed);
    for (String line : printed.split("\n")) {
      // a tab only where logback indents a stack frame
      String text = line.startsWith("\tat ") || line.startsWith("\t... ") ? line.substring(1) : line;
      for (char c : text.toCharArray()) {
        assertFalse(c < 0x20 || c == 0x7f, () -> "a raw control character (" + (int) c + ") in: " + line);
      }
    }
    assertTrue(printed.contains("abc\\rFORGED"), () -> "the CR, escaped: " + printed);
    assertTrue(printed.contains("/ecommerce/v1/\\u001B[31mred\\u0007\\u0008\\u007F 404 "), () -> "escaped path: " + printed);
  }

  @Test
  void aRequestAbandonedMidBodyIsLoggedAsAClientThatWentAwayAtInfoAndNotTimed() throws Exception {
    String route = "/ecommerce/v1/register_user";
    Prometheus before = Prometheus.parse(server.management().get("/metrics").send().body());
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    String id = "gone-" + System.nanoTime();
    try {
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        socket.getOutputStream().write(("PUT " + route + " HTTP/1.1\r\nHost: x\r\nX-Request-ID: " + id
            + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"first_na").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        Thread.sleep(300);
      }
      ILoggingEvent access = null;
      for (int i = 0; i < 200 && access == null; i++) {
        synchronized (events) {
          access = events.list.stream().filter(e -> "access".equals(e.getLoggerName())
              && e.getFormattedMessage().contains(id)).findFirst().orElse(null);
        }
        Thread.sleep(20);
      }
      assertTrue(access != null, () -> "no access line for " + id + " in " + events.list);
      String line = access.getFormattedMessage();
      assertTrue(line.startsWith("PUT " + route + " - client went away"), line);
      assertFalse(line.contains(" 200 ") || line.contains(" 500 "), line);
      Map<String, Object> kv = new HashMap<>();
      access.getKeyValuePairs().forEach(p -> kv.put(p.key, p.value));
      assertEquals(true, kv.get("client_gone"), kv::toString);
      assertFalse(kv.containsKey("status"), "no status it never got: " + kv);
      Thread.sleep(200);
      List<ILoggingEvent> loud;
      synchronized (events) {
        loud = events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
      }
      assertEquals(List.of(), loud.stream().map(ILoggingEvent::getFormattedMessage).toList(), "nothing above INFO");
    } finally {
      root.detachAppender(events);
    }
    Prometheus after = Prometheus.parse(server.management().get("/metrics").send().body());
    for (String metric : List.of("vertx_http_server_requests_total", "vertx_http_server_response_time_seconds_count")) {
      double was = before.find(metric, "route", route).stream().mapToDouble(Prometheus.Sample::value).sum();
      double is = after.find(metric, "route", route).stream().mapToDouble(Prometheus.Sample::value).sum();
      assertEquals(was, is, metric + " of " + route + ": no answer, so no status and no latency");
    }
  }
}
