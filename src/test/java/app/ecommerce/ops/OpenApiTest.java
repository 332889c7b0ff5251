package app.ecommerce.ops;

import app.ecommerce.Main;
import app.ecommerce.auth.AccessTokens;
import app.ecommerce.auth.TokenAuthenticator;
import app.ecommerce.bus.Errors;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.Endpoint;
import app.ecommerce.http.HttpVerticle;
import app.ecommerce.http.RequestMeters;
import app.ecommerce.http.RouteModule;
import app.ecommerce.http.input.Field;
import app.ecommerce.metrics.Metrics;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /openapi.json against the router (every route documented, every documented route served) and
 * against the Field declarations the validator applies (walked field by field).
 */
abstract class OpenApiTest extends EngineTest {
  private JsonObject document;

  JsonObject doc() {
    if (document == null) {
      Api.Response r = api.get("/openapi.json").send();
      assertEquals(200, r.status(), r::toString);
      assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
      document = r.json();
    }
    return document;
  }

  private List<RouteModule> modules() {
    ServiceClient services = new ServiceClient(server.app().vertx(), 1_000, new SimpleMeterRegistry());
    TokenAuthenticator authenticator = new TokenAuthenticator(AccessTokens.create(server.app().vertx(), new byte[32]), services);
    return Main.routeModules(services, authenticator, new Metrics(), JsonObject::new);
  }

  private List<Endpoint> endpoints() {
    return modules().stream().flatMap(m -> m.endpoints().stream()).toList();
  }

  JsonObject operation(String path, String method) {
    JsonObject ops = doc().getJsonObject("paths").getJsonObject(path);
    assertNotNull(ops, () -> path + " is not documented");
    JsonObject op = ops.getJsonObject(method.toLowerCase(Locale.ROOT));
    assertNotNull(op, () -> method + " " + path + " is not documented");
    return op;
  }

  @Test
  void isAnOpenApi31DocumentOfEveryEndpointAndOperationalRoute() {
    assertEquals("3.1.0", doc().getString("openapi"));
    assertEquals("bearer", doc().getJsonObject("components").getJsonObject("securitySchemes")
        .getJsonObject("bearerAuth").getString("scheme"));
    for (Endpoint e : endpoints()) {
      JsonObject op = operation(e.path(), e.method().name());
      assertEquals(e.name(), op.getString("operationId"));
      JsonArray security = op.getJsonArray("security");
      assertEquals(e.access() == app.ecommerce.http.Access.PUBLIC, security.isEmpty(), e.name() + " security");
      assertEquals(e.access() == app.ecommerce.http.Access.OPTIONAL, security.contains(new JsonObject()),
          e.name() + " token optional");
      JsonObject responses = op.getJsonObject("responses");
      for (String status : List.of("200", "400", "413", "415", "500", "503")) {
        assertTrue(responses.containsKey(status), e.name() + " documents " + status);
      }
      assertEquals(e.access() != app.ecommerce.http.Access.PUBLIC, responses.containsKey("401"), e.name() + " 401");
      assertEquals(e.access() == app.ecommerce.http.Access.ADMIN, responses.containsKey("403"), e.name() + " 403");
      e.outcomes().keySet().forEach(s -> assertTrue(responses.containsKey(String.valueOf(s)), e.name() + " " + s));
      responses.forEach(entry -> assertEquals("#/components/schemas/" + (entry.getKey().equals("422")
              ? "ValidationEnvelope" : entry.getKey().equals("500") ? "ErrorEnvelope" : "Envelope"),
          ((JsonObject) entry.getValue()).getJsonObject("content").getJsonObject("application/json")
              .getJsonObject("schema").getString("$ref")));
      assertEquals(e.successMessage(), responses.getJsonObject("200").getJsonObject("content")
          .getJsonObject("application/json").getJsonObject("example").getString("message"));
    }
    for (String path : List.of("/health", "/ready", "/openapi.json", "/docs")) {
      assertTrue(operation(path, "GET").getJsonArray("security").isEmpty(), path + " is public");
    }
    assertFalse(doc().getJsonObject("paths").containsKey("/metrics"), "/metrics is on the management port only");
    assertTrue(operation("/ready", "GET").getJsonObject("responses").containsKey("503"));
  }

  @Test
  void documentsExactlyTheRoutesOfTheRouter() {
    var router = HttpVerticle.router(server.app().vertx(), modules(),
        (token, requestId) -> Future.failedFuture(Errors.unauthorized("test")),
        new RequestMeters(new SimpleMeterRegistry()));
    Set<String> routed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || path.startsWith("/docs/")) {
        continue; // catch-alls (request log, failures) and the assets of the /docs page
      }
      assertNotNull(route.methods(), path + " must name its methods");
      assertFalse(route.methods().isEmpty(), path + " must name its methods");
      // HEAD is every GET's twin (API.md §1), said once in the document rather than per path
      assertEquals(route.methods().contains(HttpMethod.GET), route.methods().contains(HttpMethod.HEAD),
          path + " answers HEAD exactly when it answers GET");
      route.methods().stream().filter(m -> m != HttpMethod.HEAD).forEach(m -> routed.add(m.name() + " " + path));
    }
    Set<String> documented = new TreeSet<>();
    doc().getJsonObject("paths").forEach(p -> ((JsonObject) p.getValue()).fieldNames()
        .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    assertEquals(routed, documented);
  }

  @Test
  void everyDocumentedOperationIsServedWithThatMethod() {
    doc().getJsonObject("paths").forEach(p -> ((JsonObject) p.getValue()).fieldNames().forEach(m -> {
      Api.Response r = api.call(m.toUpperCase(Locale.ROOT), p.getKey()).send();
      assertNotEquals(404, r.status(), () -> m + " " + p.getKey() + ": " + r);
      assertNotEquals(405, r.status(), () -> m + " " + p.getKey() + ": " + r);
    }));
  }

  /** Walks every Field of every endpoint and finds the same rule in the document. */
  @Test
  void schemasCarryTheSameRulesAsTheFields() {
    for (Endpoint e : endpoints()) {
      JsonObject op = operation(e.path(), e.method().name());
      boolean query = e.method() == HttpMethod.GET || e.method() == HttpMethod.DELETE;
      for (Field f : e.fields()) {
        JsonObject schema;
        boolean required;
        if (query) {
          JsonObject p = parameter(op, f.name(), "query");
          schema = p.getJsonObject("schema");
          required = p.getBoolean("required");
        } else {
          JsonObject body = op.getJsonObject("requestBody").getJsonObject("content")
              .getJsonObject("application/json").getJsonObject("schema");
          schema = body.getJsonObject("properties").getJsonObject(f.name());
          required = body.getJsonArray("required", new JsonArray()).contains(f.name());
        }
        assertNotNull(schema, e.name() + "." + f.name() + " has no schema");
        assertEquals(f.required(), required, e.name() + "." + f.name() + " required");
        FieldRules.assertSame(e.name() + "." + f.name(), f, schema, query);
        if (!query) {
          for (String form : List.of("application/x-www-form-urlencoded", "multipart/form-data")) {
            JsonObject formBody = op.getJsonObject("requestBody").getJsonObject("content").getJsonObject(form)
                .getJsonObject("schema");
            assertEquals(f.required(), formBody.getJsonArray("required", new JsonArray()).contains(f.name()),
                e.name() + "." + f.name() + " required in " + form);
            FieldRules.assertSame(e.name() + "." + f.name() + " (" + form + ")", f,
                formBody.getJsonObject("properties").getJsonObject(f.name()), true);
          }
        }
      }
      for (Field h : e.headers()) {
        JsonObject p = parameter(op, h.name(), "header");
        assertEquals(h.required(), p.getBoolean("required"), e.name() + " header " + h.name());
        FieldRules.assertSame(e.name() + " header " + h.name(), h, p.getJsonObject("schema"), true);
      }
      if (!query && e.fields().isEmpty()) {
        assertFalse(op.containsKey("requestBody"), e.name() + " takes no body");
      }
    }
  }

  /** Every write of the catalog and of accounts documents its Idempotency-Key and the 409 of a reused one. */
  @Test
  void everyWriteDocumentsItsIdempotencyKey() {
    List<String> writes = List.of("create_category", "create_product", "add_inventory", "adjust_inventory",
        "update_product", "update_category", "delete_category", "update_me", "update_user", "purchase_products");
    for (String name : writes) {
      Endpoint e = endpoints().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      JsonObject op = operation(e.path(), e.method().name());
      JsonObject key = parameter(op, "Idempotency-Key", "header");
      assertFalse(key.getBoolean("required", false), name + ": the key is optional");
      assertTrue(op.getJsonObject("responses").getJsonObject("409").getString("description")
          .contains("Idempotency-Key"), name + " documents the 409 of a reused key");
    }
  }

  private static JsonObject parameter(JsonObject op, String name, String in) {
    for (Object o : op.getJsonArray("parameters")) {
      JsonObject p = (JsonObject) o;
      if (name.equals(p.getString("name")) && in.equals(p.getString("in"))) {
        return p;
      }
    }
    throw new AssertionError(op.getString("operationId") + " has no " + in + " parameter " + name);
  }

  /**
   * From the document alone: values just outside each documented limit are refused with a 422
   * naming that field, values on the limit are not. So the server enforces what it documents.
   */
  @Test
  void theServerEnforcesExactlyTheDocumentedLimits() {
    List<String> wrong = new ArrayList<>();
    String token = admin();
    doc().getJsonObject("paths").forEach(p -> {
      if (!p.getKey().startsWith("/ecommerce/v1/")) {
        return;
      }
      ((JsonObject) p.getValue()).forEach(o -> wrong.addAll(
          new LimitProbe(api, token, p.getKey(), o.getKey(), (JsonObject) o.getValue()).run()));
    });
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " limit(s) differ:\n" + String.join("\n", wrong));
  }

  /** Refusals that any caller can provoke are among the statuses the operation documents. */
  @Test
  void refusalsTheServerGivesAreDocumented() {
    String customer = server.newCustomerToken();
    doc().getJsonObject("paths").forEach(p -> {
      if (!p.getKey().startsWith("/ecommerce/v1/")) {
        return;
      }
      ((JsonObject) p.getValue()).forEach(o -> {
        String method = o.getKey().toUpperCase(Locale.ROOT);
        JsonObject op = (JsonObject) o.getValue();
        JsonObject responses = op.getJsonObject("responses");
        // a token-optional read lists {} (no token) beside bearerAuth: anyone may call it
        boolean secured = !op.getJsonArray("security").isEmpty() && !op.getJsonArray("security").contains(new JsonObject());
        String what = method + " " + p.getKey();

        Api.Response anonymous = api.call(method, p.getKey()).body("{", "application/json").send();
        assertEquals(secured ? 401 : 400, anonymous.status(), () -> what + " without a token: " + anonymous);
        if (secured) {
          Api.Response asCustomer = api.call(method, p.getKey()).token(customer).body("{", "application/json").send();
          assertEquals(responses.containsKey("403") ? 403 : 400, asCustomer.status(), () -> what + ": " + asCustomer);
        }
        String token = admin();
        Api.Response bad = api.call(method, p.getKey()).token(token).body("{", "application/json").send();
        Api.Response plain = api.call(method, p.getKey()).token(token).body("hello", "text/plain").send();
        Api.Response big = api.call(method, p.getKey()).token(token)
            .body("{\"x\":\"" + "x".repeat(HttpVerticle.MAX_BODY_BYTES) + "\"}", "application/json").send();
        for (Api.Response r : List.of(anonymous, bad, plain, big)) {
          assertTrue(responses.containsKey(String.valueOf(r.status())), () -> what + " answered undocumented " + r);
          assertEquals(r.status(), r.json().getInteger("status_code"));
        }
        assertEquals(List.of(400, 415, 413), List.of(bad.status(), plain.status(), big.status()), what);
      });
    });
  }

  @Test
  void docsServeSwaggerUiFromTheJarWithoutTouchingTheNetwork() {
    Api.Response page = api.get("/docs").send();
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.body().contains("id=\"swagger-ui\""), page.body());
    assertFalse(page.body().contains("http:") || page.body().contains("https:"), "no CDN: " + page.body());
    var assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    int count = 0;
    while (assets.find()) {
      String asset = assets.group(1);
      assertTrue(asset.startsWith("/docs/"), asset);
      Api.Response r = api.get(asset).send();
      assertEquals(200, r.status(), asset);
      assertFalse(r.body().isEmpty(), asset);
      String type = r.header("Content-Type");
      String expected = asset.endsWith(".js") ? "text/javascript" : asset.endsWith(".css") ? "text/css" : "image/png";
      assertTrue(type.startsWith(expected), asset + " " + type);
      count++;
    }
    assertEquals(7, count, "stylesheets, icons and scripts of the page");
    String init = api.get("/docs/swagger-initializer.js").send().body();
    assertTrue(init.contains("url: \"/openapi.json\""), init);
    assertTrue(init.contains("validatorUrl: null"), "no call to the online validator: " + init);
    assertFalse(init.replaceAll("//.*", "").contains("http"), init);
    assertTrue(api.get("/docs/swagger-ui-bundle.js").send().body().contains("SwaggerUIBundle"));
    assertEquals(200, api.get("/docs/").send().status());
    Api.Response missing = api.get("/docs/petstore.json").send();
    assertEquals(404, missing.status());
    assertEquals(false, missing.json().getBoolean("success"));
  }
}
