package app.ecommerce.ops;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestServer;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health, /ready (200, and 503 when a service is missing), request ids and the access log line. */
abstract class OperationalTest extends EngineTest {

  @Test
  void healthSaysTheProcessIsUp() {
    Api.Response r = api.get("/health").send();
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/json"));
    assertEquals(new JsonObject().put("status", "UP"), r.json());
  }

  @Test
  void readyAsksEveryServiceAndItsDatabase() {
    Api.Response r = api.get("/ready").send();
    assertEquals(200, r.status(), r::toString);
    assertEquals("UP", r.json().getString("status"));
    JsonObject checks = r.json().getJsonObject("checks");
    assertEquals("UP", checks.getString("database"), r::toString);
    assertEquals("UP", checks.getString("auth"), r::toString);
    checks.forEach(c -> assertEquals("UP", c.getValue(), c.getKey()));
  }

  /** A node whose HTTP verticle has no catalog service to talk to is not ready, and says so at once. */
  @Test
  void readyIs503WhenAServiceIsMissing() {
    try (TestServer partial = TestServer.start(newDatabase(), Map.of("VERTICLES", "http,auth"))) {
      Api.Response r = partial.api().get("/ready").send();
      assertEquals(503, r.status(), r::toString);
      assertEquals("DOWN", r.json().getString("status"));
      assertEquals("DOWN", r.json().getJsonObject("checks").getString("database"), r::toString);
      assertEquals("UP", r.json().getJsonObject("checks").getString("auth"), r::toString);
      assertEquals("5", r.header("Retry-After"));
      assertEquals(200, partial.api().get("/health").send().status(), "alive all the same");
    }
  }

  @Test
  void aValidRequestIdIsEchoedOnEveryKindOfAnswer() {
    String id = "client.Req-42_" + System.nanoTime();
    for (Api.Call call : List.of(api.get("/health"), api.get("get_categories"), api.get("/nope"),
        api.post("login_user").json(new JsonObject()))) {
      Api.Response r = call.header("X-Request-ID", id).send();
      assertEquals(id, r.header("X-Request-ID"), r::toString);
    }
    String longest = "a".repeat(128);
    assertEquals(longest, api.get("/health").header("X-Request-ID", longest).send().header("X-Request-ID"));
  }

  @Test
  void anInvalidOrMissingRequestIdIsReplacedByANewOne() {
    Set<String> seen = new HashSet<>();
    for (String bad : new String[] {null, "a".repeat(129), "has space", "semi;colon", "ünï"}) {
      Api.Call call = api.get("/health");
      if (bad != null) {
        call.header("X-Request-ID", bad);
      }
      Api.Response r;
      try {
        r = call.send();
      } catch (IllegalStateException | IllegalArgumentException clientRefuses) {
        continue;
      }
      String id = r.header("X-Request-ID");
      assertNotEquals(bad, id);
      assertTrue(id.matches("[0-9a-f]{32}"), id);
      assertTrue(seen.add(id), "ids are unique: " + id);
    }
    assertTrue(seen.size() >= 4, seen::toString);
  }

  @Test
  void theAccessLogLineNamesMethodPathStatusLatencyAndTheRequestId() throws InterruptedException {
    Logger access = (Logger) LoggerFactory.getLogger("access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    try {
      String id = "log-line-" + System.nanoTime();
      Api.Response r = api.get("get_purchase").query("purchase_id", 5).header("X-Request-ID", id).send();
      assertEquals(401, r.status());
      ILoggingEvent line = null;
      for (int i = 0; i < 100 && line == null; i++) {
        line = lines.list.stream().filter(e -> e.getFormattedMessage().contains(id)).findFirst().orElse(null);
        Thread.sleep(20);
      }
      assertTrue(line != null, "no access line for " + id + " in " + lines.list);
      Map<String, Object> kv = new HashMap<>();
      line.getKeyValuePairs().forEach(p -> kv.put(p.key, p.value));
      assertEquals("GET", kv.get("method"));
      assertEquals("/ecommerce/v1/get_purchase", kv.get("path"), "the path, never the query string");
      assertEquals(401, kv.get("status"));
      assertTrue(kv.get("latency_ms") instanceof Double, kv::toString);
      assertEquals(id, kv.get("request_id"));
      assertTrue(line.getFormattedMessage().startsWith("GET /ecommerce/v1/get_purchase 401 "), line.getFormattedMessage());
    } finally {
      access.detachAppender(lines);
    }
  }
}
