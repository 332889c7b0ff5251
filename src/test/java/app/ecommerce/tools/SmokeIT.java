package app.ecommerce.tools;

import app.ecommerce.support.ChildServer;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./run.sh smoke against the production jar freshly started with the demo data, as CI runs it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmokeIT {
  private TestDatabase db;
  private ChildServer child;
  private String base;

  @BeforeAll
  void start() {
    db = TestDatabase.sqlite();
    child = ChildServer.start("smoke", TestServer.settings(db, Map.of("DEMO_DATA", "true")));
    base = "http://127.0.0.1:" + child.port();
  }

  @AfterAll
  void stop() {
    child.close();
    db.close();
  }

  private record Outcome(int exit, List<String> lines) {
    List<String> failures() {
      return lines.stream().filter(l -> l.matches("\\s*\\d+/\\d+ FAIL .*")).toList();
    }
  }

  private Outcome smoke(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    all[0] = "smoke";
    all[1] = base;
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = Smoke.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    return new Outcome(exit, Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n")));
  }

  @Test
  void everyRequestOfEndpointsJsonAnswersAsItsScriptExpects() {
    Path collection = Path.of(System.getProperty("project.basedir", "."), "endpoints.json");
    Outcome o = smoke("--collection", collection.toString(), "--keep-going");
    int steps = new PostmanCollection(new JsonObject(read(collection))).steps.size();
    assertEquals(steps + 2, o.lines().size(), () -> String.join("\n", o.lines()));
    assertEquals(List.of(), o.failures(), () -> String.join("\n", o.lines()));
    assertEquals(0, o.exit(), () -> String.join("\n", o.lines()));
  }

  @Test
  void theFirstSurpriseEndsTheTourWithExitCode1() throws Exception {
    JsonArray items = new JsonArray()
        .add(step("health", "{{baseUrl}}/health", "pm.test('ok', () => pm.response.to.have.status(200));"))
        .add(step("anonymous", "{{baseUrl}}/ecommerce/v1/get_me", "pm.response.to.have.status(200);"))
        .add(step("never", "{{baseUrl}}/health", ""));
    Outcome o = smoke("--collection", write(new JsonObject().put("item", items)).toString());
    assertEquals(1, o.exit(), () -> String.join("\n", o.lines()));
    assertTrue(o.lines().get(1).contains("ok") && o.lines().get(1).contains("health"), o.lines()::toString);
    assertTrue(o.lines().get(2).contains("FAIL") && o.lines().get(2).contains("401") && o.lines().get(2).contains("expected 200"),
        o.lines()::toString);
    assertTrue(o.lines().get(3).contains("1 did, 1 not run"), o.lines()::toString);
  }

  @Test
  void scriptsItCannotRunAndUndefinedVariablesAreFailuresNotSilentPasses() throws Exception {
    JsonArray items = new JsonArray()
        .add(step("clever script", "{{baseUrl}}/health", "pm.expect(pm.response.json().status).to.eql('UP');"))
        .add(step("typo", "{{baseUrl}}/{{nosuchvariable}}", ""));
    Outcome o = smoke("--collection", write(new JsonObject().put("item", items)).toString(), "--keep-going");
    assertEquals(1, o.exit());
    assertEquals(2, o.failures().size(), o.lines()::toString);
    assertTrue(o.failures().get(0).contains("cannot run this test script"), o.failures()::toString);
    assertTrue(o.failures().get(1).contains("undefined variable(s) [nosuchvariable]"), o.failures()::toString);
  }

  private static JsonObject step(String name, String url, String script) {
    return new JsonObject().put("name", name)
        .put("request", new JsonObject().put("method", "GET").put("url", new JsonObject().put("raw", url)))
        .put("event", new JsonArray().add(new JsonObject().put("listen", "test")
            .put("script", new JsonObject().put("exec", new JsonArray().add(script)))));
  }

  private static Path write(JsonObject collection) throws Exception {
    Path file = Files.createTempFile("collection", ".json");
    file.toFile().deleteOnExit();
    Files.writeString(file, collection.encode());
    return file;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
