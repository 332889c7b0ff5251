package app.ecommerce.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.ChildServer;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import app.ecommerce.tools.DemoData;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production jar with LOG_FORMAT=json: every line it prints is one JSON object, the access
 * line of a request carries its fields and request id, and no password, secret or token is ever
 * in the output (login and register bodies, query strings, the configuration print at start, the
 * summary of the demo data loaded into the new database).
 */
class JsonLogIT {

  @Test
  void everyLineIsAJsonObjectAndNoSecretIsLogged() throws Exception {
    String adminPassword = "Adm1n-Pa55word-in-env";
    String jwtSecret = "jwt-secret-that-must-never-be-logged-0123456789";
    String userPassword = "Us3r-Pa55word-in-body";
    String wrongPassword = "Wr0ng-Pa55word-in-query";
    String requestId = "json-log-" + System.nanoTime();
    // the demo accounts' passwords too: they are public (README), but a log line is never the place for one
    List<String> secrets = new ArrayList<>(List.of(adminPassword, jwtSecret, userPassword, wrongPassword,
        DemoData.ADMIN_PASSWORD, DemoData.CUSTOMER_PASSWORD));
    try (TestDatabase db = TestDatabase.sqlite()) {
      Map<String, String> settings = new HashMap<>(TestServer.settings(db, Map.of(
          "LOG_FORMAT", "json", "ADMIN_PASSWORD", adminPassword, "JWT_SECRET", jwtSecret, "DEMO_DATA", "true")));
      List<String> lines;
      try (ChildServer child = ChildServer.start("json-log", settings)) {
        Api api = new Api(child.port());
        String email = "logged-" + System.nanoTime() + "@test.example";
        assertEquals(200, api.put("register_user").json(new JsonObject().put("first_name", "Log").put("last_name", "Tester")
            .put("email", email).put("password", userPassword).put("timezone", "UTC")).send().status());
        String token = api.login(email, userPassword);
        secrets.add(token);
        secrets.add(api.login(TestServer.ADMIN_EMAIL, adminPassword));
        // a failed login with the password in the query string, and a request with our own id
        assertEquals(422, api.post("login_user").query("email", email).query("password", wrongPassword).send().status());
        assertEquals(200, api.get("get_categories").token(token).header("X-Request-ID", requestId).send().status());
        assertEquals(0, child.terminate(60), "clean exit after SIGTERM");
        lines = Files.readAllLines(child.log());
      }
      List<JsonObject> events = new ArrayList<>();
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject event = new JsonObject(line); // throws when a line is not one JSON object
        for (String key : List.of("timestamp", "level", "logger", "thread", "message")) {
          assertTrue(event.containsKey(key), key + " in " + line);
        }
        events.add(event);
      }
      JsonObject access = events.stream().filter(e -> requestId.equals(e.getString("request_id"))).findFirst()
          .orElseThrow(() -> new AssertionError("no access line for " + requestId + " in\n" + String.join("\n", lines)));
      assertEquals("access", access.getString("logger"));
      assertEquals("GET", access.getString("method"));
      assertEquals("/ecommerce/v1/get_categories", access.getString("path"));
      assertEquals(200, access.getInteger("status"));
      assertTrue(access.getValue("latency_ms") instanceof Number, access::encode);
      assertTrue(events.stream().anyMatch(e -> e.getString("message").startsWith("Listening on")), "start-up line");
      assertTrue(events.stream().anyMatch(e -> e.getString("message").startsWith("Demo data: ")), "demo data summary");
      // the native transport the pom ships for this platform is the one that runs (Main prefers it)
      boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
          && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
      String transport = linuxX64 ? "network transport native epoll" : "network transport ";
      assertTrue(events.stream().anyMatch(e -> e.getString("message").startsWith("Node started: ")
          && e.getString("message").contains(transport)), "node started on " + transport);
      assertTrue(events.stream().anyMatch(e -> "Stopped".equals(e.getString("message"))), "the last line survives exit");
      String all = String.join("\n", lines);
      for (String secret : secrets) {
        assertFalse(all.contains(secret), "a secret is in the log: " + secret.substring(0, 6) + "...");
      }
    }
  }
}
