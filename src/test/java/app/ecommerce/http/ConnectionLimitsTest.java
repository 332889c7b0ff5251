package app.ecommerce.http;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connection deadlines and the connection cap (API.md §4), with deadlines shortened so that the
 * test runs in seconds: a connection idle between requests is closed, one whose headers or body
 * trickle in past their deadline gets 408 in the envelope (with a request id) and is closed, and
 * a flood of idle sockets past the cap cannot keep a well-behaved client out.
 */
abstract class ConnectionLimitsTest extends EngineTest {
  /** Far beyond every deadline under test: a socket still open by then was never cut off. */
  private static final int GIVE_UP_MILLIS = 15_000;

  @Override
  protected Map<String, String> settings() {
    return Map.of("HTTP_IDLE_TIMEOUT_SECONDS", "2", "HTTP_HEADER_TIMEOUT_SECONDS", "1",
        "HTTP_BODY_TIMEOUT_SECONDS", "2");
  }

  /** What a socket received until the server closed it, and when that was. */
  private record Outcome(String received, long closedAfterMillis) {
    String statusLine() {
      int end = received.indexOf("\r\n");
      return end < 0 ? received : received.substring(0, end);
    }

    JsonObject envelope() {
      return new JsonObject(received.substring(received.indexOf("\r\n\r\n") + 4));
    }

    String header(String name) {
      for (String line : received.substring(0, received.indexOf("\r\n\r\n")).split("\r\n")) {
        if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
          return line.substring(name.length() + 1).strip();
        }
      }
      return null;
    }
  }

  /**
   * Sends {@code first}, then {@code drip} every {@code everyMillis} (nothing when null), and reads
   * until the server closes the connection; fails when it is still open after {@link #GIVE_UP_MILLIS}.
   */
  private Outcome trickle(String first, String drip, long everyMillis) throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(100);
      if (first != null) {
        socket.getOutputStream().write(first.getBytes(StandardCharsets.ISO_8859_1));
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      long nextDrip = System.nanoTime() + everyMillis * 1_000_000;
      byte[] buffer = new byte[4096];
      while (true) {
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (elapsed > GIVE_UP_MILLIS) {
          throw new AssertionError("the server still holds the connection after " + elapsed + " ms; received: "
              + received.toString(StandardCharsets.ISO_8859_1));
        }
        try {
          int n = in.read(buffer);
          if (n < 0) {
            return new Outcome(received.toString(StandardCharsets.ISO_8859_1), elapsed);
          }
          received.write(buffer, 0, n);
        } catch (SocketTimeoutException nothingYet) {
          // keep dripping
        } catch (IOException reset) {
          return new Outcome(received.toString(StandardCharsets.ISO_8859_1), elapsed);
        }
        if (drip != null && System.nanoTime() >= nextDrip) {
          try {
            socket.getOutputStream().write(drip.getBytes(StandardCharsets.ISO_8859_1));
          } catch (IOException closed) {
            // the server closed it; read what it said
          }
          nextDrip += everyMillis * 1_000_000;
        }
      }
    }
  }

  private static void assertTimedOut(Outcome outcome, String context) {
    assertTrue(outcome.statusLine().startsWith("HTTP/1.1 408 "), () -> context + ": " + outcome.received());
    JsonObject envelope = outcome.envelope();
    assertEquals(408, envelope.getInteger("status_code"), context);
    assertEquals(false, envelope.getBoolean("success"), context);
    assertEquals(new JsonObject(), envelope.getJsonObject("data"), context);
    assertTrue(outcome.header("X-Request-ID") != null && outcome.header("X-Request-ID").matches("[0-9a-f]{32}"),
        () -> context + ": request id in " + outcome.received());
    assertEquals("close", outcome.header("Connection"), context);
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws IOException {
    Outcome outcome = trickle(null, null, 0);
    assertEquals("", outcome.received(), "closed without an answer: there was no request");
    assertTrue(outcome.closedAfterMillis() >= 1_500, "not before the idle timeout: " + outcome.closedAfterMillis());
  }

  @Test
  void aKeepAliveConnectionIdleAfterItsAnswerIsClosedAfterTheIdleTimeout() throws IOException {
    Outcome outcome = trickle("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", null, 0);
    assertTrue(outcome.statusLine().startsWith("HTTP/1.1 200 "), outcome::received);
    assertTrue(outcome.closedAfterMillis() >= 1_500, "kept alive until the idle timeout: " + outcome.closedAfterMillis());
  }

  @Test
  void headersThatTrickleInPastTheirDeadlineGet408() throws IOException {
    // a header line every 300 ms: never idle, but never done either
    Outcome outcome = trickle("GET /ecommerce/v1/get_categories HTTP/1.1\r\nHost: x\r\n", "X-Slow: y\r\n", 300);
    assertTimedOut(outcome, "slow headers");
    assertTrue(outcome.envelope().getString("message").contains("headers"), outcome::received);
  }

  @Test
  void anUnfinishedChunkedBodyGets408() throws IOException {
    Outcome outcome = trickle("PUT /ecommerce/v1/register_user HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
        + "\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n", "1\r\n \r\n", 300);
    assertTimedOut(outcome, "chunked body");
    assertTrue(outcome.envelope().getString("message").contains("body"), outcome::received);
  }

  @Test
  void anUnfinishedFixedLengthBodyGets408() throws IOException {
    Outcome outcome = trickle("PUT /ecommerce/v1/register_user HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
        + "\r\nContent-Length: 1000\r\n\r\n{", " ", 300);
    assertTimedOut(outcome, "fixed-length body");
    assertTrue(outcome.envelope().getString("message").contains("body"), outcome::received);
  }

  @Test
  void aFloodOfIdleSocketsPastTheCapCannotKeepAWellBehavedClientOut() throws IOException {
    int cap = 16;
    try (TestServer capped = TestServer.start(newDatabase(), Map.of("HTTP_MAX_CONNECTIONS", String.valueOf(cap)))) {
      List<Socket> flood = new ArrayList<>();
      try {
        for (int i = 0; i < 3 * cap; i++) {
          Socket socket = new Socket("127.0.0.1", capped.port());
          socket.setSoTimeout(50);
          flood.add(socket);
        }
        Api.Response health = capped.api().get("/health").send();
        assertEquals(200, health.status(), health::toString);
        String token = capped.adminToken();
        assertEquals(200, capped.api().get("get_categories").token(token).send().status());
        // each event loop admits its share of the flood in turn: wait until it has, at most a few seconds
        Set<Socket> closed = new HashSet<>();
        for (long end = System.nanoTime() + 10_000_000_000L; closed.size() < 2 * cap && System.nanoTime() < end; ) {
          for (Socket socket : flood) {
            if (!closed.contains(socket) && closedByServer(socket)) {
              closed.add(socket);
            }
          }
        }
        // 48 idle sockets and the client's own connections: all but the cap's worth were closed
        assertTrue(closed.size() >= 2 * cap, "idle sockets the server closed to stay under " + cap + ": " + closed.size());
      } finally {
        for (Socket socket : flood) {
          socket.close();
        }
      }
    }
  }

  private static boolean closedByServer(Socket socket) {
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
