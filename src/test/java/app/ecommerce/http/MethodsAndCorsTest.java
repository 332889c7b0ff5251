package app.ecommerce.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.TestDatabase;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * API.md §1 on methods and browsers: {@code Allow} on a 405, HEAD on every GET route, and CORS
 * only for the origins of {@code CORS_ALLOWED_ORIGINS}. The wire is the same on every engine, so
 * this runs on SQLite only.
 */
class MethodsAndCorsTest extends EngineTest {
  private static final String LISTED = "https://shop.example.com";
  private static final String ALSO_LISTED = "http://localhost:3000";

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("CORS_ALLOWED_ORIGINS", LISTED + ", " + ALSO_LISTED);
  }

  private static Set<String> methods(String header) {
    return Arrays.stream(header.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aWrongMethodNamesTheRightOnesInAllow() {
    Api.Response r = api.post("get_products").send();
    Expect.error(r, 405, "Method Not Allowed");
    assertEquals(Set.of("GET", "HEAD"), methods(r.header("Allow")), r.headers()::toString);
    assertEquals(Set.of("PUT"), methods(api.get("register_user").send().header("Allow")));
    assertEquals(Set.of("PATCH"), methods(api.call("DELETE", "update_product").send().header("Allow")));
    assertEquals(Set.of("DELETE"), methods(api.get("delete_category").send().header("Allow")));
    // also beside the API: the documents and the probes
    assertEquals(Set.of("GET", "HEAD"), methods(api.post("/openapi.json").send().header("Allow")));
    assertEquals(Set.of("GET", "HEAD"), methods(api.call("DELETE", "/health").send().header("Allow")));
    assertEquals(Set.of("GET", "HEAD"), methods(api.post("/docs/swagger-ui.css").send().header("Allow")));
  }

  @Test
  void everyGetAnswersHeadWithTheHeadersAndNoBody() {
    for (String path : new String[] {"/ecommerce/v1/get_products?per_page=2", "/ecommerce/v1/get_categories",
        "/openapi.json", "/health", "/ready", "/docs"}) {
      Api.Response get = api.get(path).send();
      Api.Response head = api.call("HEAD", path).send();
      assertEquals(get.status(), head.status(), path);
      assertEquals("", head.body(), path);
      assertEquals(get.header("Content-Type"), head.header("Content-Type"), path);
      assertTrue(head.header("X-Request-ID") != null, path);
    }
    // the answers written in pieces: the sales JSON and the streamed CSV
    for (String format : new String[] {"json", "csv"}) {
      String path = "get_sales_data?start_date=2024-01-01&end_date=2024-01-31&format=" + format;
      Api.Response get = api.get(path).token(admin()).send();
      Api.Response head = api.call("HEAD", path).token(admin()).send();
      assertEquals(200, get.status(), get::toString);
      assertEquals(200, head.status(), head::toString);
      assertEquals("", head.body());
      assertEquals(get.header("Content-Type"), head.header("Content-Type"));
    }
    assertTrue(api.get("/health").send().status() == 200, "the node still serves after them");
    // the GET's refusals too, without their body
    Api.Response refused = api.call("HEAD", "get_product?product_id=0").send();
    assertEquals(422, refused.status());
    assertEquals("", refused.body());
    Api.Response adminOnly = api.call("HEAD", "get_sales_data").send();
    assertEquals(401, adminOnly.status());
    assertEquals("Bearer", adminOnly.header("WWW-Authenticate"));
  }

  @Test
  void aListedOriginGetsAPreflightAnswer() {
    Api.Response r = api.call("OPTIONS", "purchase_products").header("Origin", LISTED)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key").send();
    assertEquals(204, r.status(), r::toString);
    assertEquals(LISTED, r.header("Access-Control-Allow-Origin"));
    Set<String> allowedMethods = methods(r.header("Access-Control-Allow-Methods"));
    assertTrue(allowedMethods.containsAll(Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")), allowedMethods::toString);
    Set<String> allowedHeaders = methods(r.header("Access-Control-Allow-Headers").toLowerCase());
    assertTrue(allowedHeaders.containsAll(Set.of("authorization", "content-type", "idempotency-key")),
        allowedHeaders::toString);
    assertEquals("600", r.header("Access-Control-Max-Age"));
    assertTrue(r.header("Vary").contains("Origin"), r.headers()::toString);
    assertNull(r.header("Access-Control-Allow-Credentials"), "bearer tokens, not cookies");
  }

  @Test
  void aListedOriginReadsTheAnswerAndItsHeaders() {
    Api.Response r = api.get("get_categories").header("Origin", ALSO_LISTED).send();
    Expect.ok(r);
    assertEquals(ALSO_LISTED, r.header("Access-Control-Allow-Origin"));
    assertTrue(methods(r.header("Access-Control-Expose-Headers")).containsAll(Set.of("X-Request-ID", "Retry-After",
        "WWW-Authenticate")), r.headers()::toString);
    assertTrue(r.header("Vary").contains("Origin"), r.headers()::toString);
    // an error answer is readable as well: the envelope says why
    Api.Response refused = api.get("get_sales_data").header("Origin", LISTED).send();
    Expect.error(refused, 401);
    assertEquals(LISTED, refused.header("Access-Control-Allow-Origin"));
  }

  @Test
  void anOriginNotListedGetsNoCorsHeaderButSameOriginCallsStillWork() {
    Api.Response preflight = api.call("OPTIONS", "purchase_products").header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST").send();
    assertNull(preflight.header("Access-Control-Allow-Origin"), preflight.headers()::toString);
    assertNull(preflight.header("Access-Control-Allow-Methods"));
    Expect.error(preflight, 405); // no preflight answer: the route has no OPTIONS
    assertTrue(preflight.header("Vary").contains("Origin"));
    // a browser's same-origin POST carries Origin too; it is served, without CORS headers
    Api.Response sameOrigin = api.post("login_user").header("Origin", api.base())
        .json(new io.vertx.core.json.JsonObject().put("email", "nobody@test.example").put("password", "x")).send();
    Expect.error(sameOrigin, 422);
    assertNull(sameOrigin.header("Access-Control-Allow-Origin"));
    // a listed origin with another port is another origin
    assertNull(api.get("get_categories").header("Origin", "http://localhost:3001").send()
        .header("Access-Control-Allow-Origin"));
  }
}
