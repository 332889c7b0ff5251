package app.ecommerce.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Texts;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * API.md §1 for every kind of response: the envelope, the error statuses of the pipeline and the
 * order in which they win, request ids and the headers every response carries.
 */
abstract class ConventionsTest extends EngineTest {
  private static final int MIB = 1024 * 1024;
  private static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private String customer;

  private synchronized String customer() {
    if (customer == null) {
      customer = server.newCustomerToken();
    }
    return customer;
  }

  private static JsonObject category() {
    String slug = CatalogFixtures.unique("conv");
    return new JsonObject().put("category_name", "Category " + slug).put("category_slug", slug);
  }

  @Test
  void successResponsesAreTheEnvelopeWithSuccessTrue() {
    JsonObject data = Expect.ok(api.put("create_category").token(admin()).json(category()).send(),
        "Category created successfully");
    assertNotNull(data.getValue("id"));
    Expect.ok(api.get("get_categories").token(customer()).send(), "Categories fetched successfully");
  }

  @Test
  void unknownRoutesAre404InTheEnvelope() {
    for (String path : List.of("/ecommerce/v1/no_such_endpoint", "/ecommerce/v2/get_products", "/assets/nothing.js", "/ecommerce/v1/",
        "/ecommerce/v1/get_products/extra")) {
      Api.Response r = api.get(path).token(admin()).send();
      Expect.error(r, 404, "Not Found");
    }
    // an unknown route wins over a missing token and over an unreadable body
    Expect.error(api.put("/ecommerce/v1/nothing").body("{not json", "application/json").send(), 404, "Not Found");
  }

  @Test
  void aKnownRouteWithTheWrongMethodIs405EvenWithoutAToken() {
    Expect.error(api.get("register_user").send(), 405, "Method Not Allowed");
    Expect.error(api.post("get_products").send(), 405, "Method Not Allowed");
    Expect.error(api.call("DELETE", "create_category").token(customer()).send(), 405, "Method Not Allowed");
    Expect.error(api.put("get_categories").body("{not json", "application/json").send(), 405, "Method Not Allowed");
  }

  @Test
  void aBodyOverOneMebibyteIs413AndWinsOverAMissingToken() {
    String tooLarge = Texts.padded(new JsonObject(), MIB + 1);
    Expect.error(api.put("register_user").body(tooLarge, "application/json").send(), 413);
    Expect.error(api.put("create_category").body(tooLarge, "application/json").send(), 413);
    Expect.error(api.put("create_category").token(customer()).body(tooLarge, "application/json").send(), 413);
    String big = "x".repeat(MIB);
    Expect.error(api.put("register_user").form("first_name", big).send(), 413);
    Expect.error(api.put("create_category").token(admin()).multipart("category_name", big).send(), 413);
    Expect.error(api.get("get_categories").token(customer()).body(tooLarge, "application/json").send(), 413);
    Expect.error(api.get("get_categories").form("page", big).send(), 413);
    // but the route and the method are judged first
    Expect.error(api.post("get_categories").body(tooLarge, "application/json").send(), 405);
    Expect.error(api.put("/ecommerce/v1/nothing").body(tooLarge, "application/json").send(), 404);
  }

  @Test
  void aChunkedBodyOverOneMebibyteIs413() throws Exception {
    byte[] tooLarge = Texts.padded(new JsonObject(), MIB + 10).getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/ecommerce/v1/register_user"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)))
        .build();
    HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r::body);
    assertEquals(413, new JsonObject(r.body()).getInteger("status_code"));
  }

  @Test
  void aBodyOfExactlyOneMebibyteIsAccepted() {
    String email = CatalogFixtures.unique("big") + "@test.example";
    JsonObject user = new JsonObject().put("first_name", "Big").put("last_name", "Body").put("email", email)
        .put("password", "long-enough").put("timezone", "UTC");
    String body = Texts.padded(user, MIB);
    assertEquals(MIB, body.getBytes(StandardCharsets.UTF_8).length);
    Expect.ok(api.put("register_user").body(body, "application/json").send());
  }

  @Test
  void unreadableBodiesAre400() {
    for (String body : List.of("{not json", "[1, 2]", "\"text\"", "42", "null", "{\"a\": 1} trailing",
        "{\"email\": \"a@b.example\", \"email\": \"c@d.example\", \"password\": \"whatever1\"}",
        "{\"a\": " + "[".repeat(100) + "]".repeat(100) + "}")) {
      Api.Response r = api.post("login_user").body(body, "application/json").send();
      Expect.error(r, 400);
    }
    Expect.error(api.put("create_category").token(admin()).body("[{\"category_name\": \"x\"}]", "application/json")
        .send(), 400, "Request body must be a JSON object");
  }

  @Test
  void aFormThatCannotBeDecodedIs400() {
    Expect.error(api.put("create_category").token(admin()).body("category_name=%ZZ&category_slug=abc",
        "application/x-www-form-urlencoded").send(), 400);
    Expect.error(api.post("login_user").body("email=a%4", "application/x-www-form-urlencoded").send(), 400);
    Expect.error(api.get("get_categories").token(customer()).body("page=%ZZ", "application/x-www-form-urlencoded")
        .send(), 400);
  }

  @Test
  void aQueryStringThatCannotBeDecodedIs400() throws Exception {
    Api.Response r = Api.raw(server.port(), "GET /ecommerce/v1/get_categories?page=%ZZ HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + customer() + "\r\nConnection: close\r\n\r\n");
    Expect.error(r, 400);
  }

  @Test
  void anUnsupportedContentTypeWithABodyIs415() {
    Expect.error(api.post("login_user").body("email=x", "text/plain").send(), 415);
    Expect.error(api.put("create_category").token(admin()).body("<xml/>", "application/xml").send(), 415);
    // GET reads JSON and url-encoded bodies, but multipart only on PUT and POST (after authentication)
    Expect.error(api.get("get_categories").token(customer()).multipart("page", "1").send(), 415);
    Expect.invalidToken(api.get("get_categories").token("garbage").multipart("page", "1").send());
    assertEquals(2, Expect.ok(api.get("get_categories").token(customer()).form("per_page", "2").send())
        .getInteger("per_page"));
    // without a body the content type does not matter: the fields are simply missing
    Expect.invalid(api.post("login_user").body("", "text/plain").send());
  }

  @Test
  void refusalsComeInTheDocumentedOrder() {
    // 401 before 400, 415 and 422
    Expect.unauthorized(api.put("create_category").body("{not json", "application/json").send());
    Expect.unauthorized(api.put("create_category").body("x", "text/plain").send());
    Expect.invalidToken(api.get("get_categories").token("garbage").query("page", 0).query("order_by", "nope").send());
    // 403 before 400, 415 and 422
    Expect.error(api.put("create_category").token(customer()).body("{not json", "application/json").send(), 403);
    Expect.error(api.put("create_category").token(customer()).body("x", "text/plain").send(), 403);
    Expect.error(api.put("create_product").token(customer()).json(new JsonObject().put("price", -1)).send(), 403);
    // 400 before 422: the query alone would be invalid too
    Expect.error(api.put("create_category").token(admin()).query("category_slug", "NOT A SLUG")
        .body("{not json", "application/json").send(), 400);
    // and only then validation
    Expect.invalid(api.put("create_category").token(admin()).json(new JsonObject()).send());
  }

  @Test
  void aValidRequestIdIsEchoedOnEveryResponse() {
    String longest = "a".repeat(100) + "Z9._-".repeat(5) + "bcd";
    assertEquals(128, longest.length());
    for (String id : List.of("x", "req-1.2_3", longest)) {
      assertEquals(id, api.get("get_categories").token(customer()).header("X-Request-ID", id).send()
          .header("X-Request-ID"));
      assertEquals(id, api.get("/nowhere").header("X-Request-ID", id).send().header("X-Request-ID"));
      assertEquals(id, api.get("get_categories").header("X-Request-ID", id).send().header("X-Request-ID"));
    }
  }

  @Test
  void anInvalidOrMissingRequestIdIsReplacedByAGeneratedOne() {
    for (String id : List.of("a".repeat(129), "has space", "semi;colon", "slash/id", "quote\"d")) {
      Api.Response r = api.get("get_categories").token(customer()).header("X-Request-ID", id).send();
      String sent = r.header("X-Request-ID");
      assertNotNull(sent);
      assertNotEquals(id, sent);
      assertTrue(GENERATED_ID.matcher(sent).matches(), sent);
    }
    String first = api.get("get_categories").token(customer()).send().header("X-Request-ID");
    String second = api.get("get_categories").token(customer()).send().header("X-Request-ID");
    assertTrue(GENERATED_ID.matcher(first).matches(), first);
    assertNotEquals(first, second);
  }

  @Test
  void everyResponseCarriesNoStoreAndNoSniff() {
    for (Api.Response r : List.of(
        api.get("get_categories").token(customer()).send(),
        api.get("/nowhere").send(),
        api.get("register_user").send(),
        api.get("get_categories").send(),
        api.put("create_category").token(customer()).json(category()).send(),
        api.post("login_user").body("{", "application/json").send(),
        api.put("register_user").json(new JsonObject()).send(),
        api.put("register_user").body(Texts.padded(new JsonObject(), MIB + 1), "application/json").send())) {
      assertEquals("no-store", r.header("Cache-Control"), r::toString);
      assertEquals("nosniff", r.header("X-Content-Type-Options"), r::toString);
      assertNotNull(r.header("X-Request-ID"), r::toString);
      Expect.envelope(r, r.status());
    }
  }

  @Test
  void requestsTheHttpCodecRefusesAreStillAnsweredInTheEnvelope() throws Exception {
    String longLine = "GET /ecommerce/v1/get_categories?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\n\r\n";
    String longHeader = "GET /ecommerce/v1/get_categories HTTP/1.1\r\nHost: localhost\r\nX-Big: "
        + "b".repeat(10_000) + "\r\nConnection: close\r\n\r\n";
    String garbage = "GET /ecommerce/v1/get_categories HTTP/1.1\r\nHost: localhost\r\nContent-Length: nope\r\n"
        + "Connection: close\r\n\r\n";
    for (var request : List.of(List.of(longLine, 414), List.of(longHeader, 431), List.of(garbage, 400))) {
      Api.Response r = Api.raw(server.port(), (String) request.get(0));
      Expect.error(r, (Integer) request.get(1));
      assertTrue(GENERATED_ID.matcher(r.header("X-Request-ID")).matches(), r::toString);
      assertEquals("no-store", r.header("Cache-Control"), r::toString);
    }
  }
}
