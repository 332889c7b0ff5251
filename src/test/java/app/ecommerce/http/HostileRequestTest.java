package app.ecommerce.http;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Leaks;
import app.ecommerce.support.Routes;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import app.ecommerce.support.Texts;
import app.ecommerce.support.ValidRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile requests rather than hostile fields (issue #5), for every endpoint the route modules
 * declare: bodies at the size limit, JSON the parser must refuse, other media types, bad
 * percent-encoding, repeated and very many parameters, garbage credentials, odd paths, methods
 * and headers. Every answer is checked for its exact status, the envelope, leaks (stack traces,
 * SQL, driver names, passwords) and the server's readiness afterwards.
 */
abstract class HostileRequestTest extends EngineTest {
  private static final int MIB = 1024 * 1024;
  private static final String CUSTOMER_PASSWORD = "customer-password";

  private final AtomicLong unique = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private Map<String, Endpoint> endpoints;
  private Sql sql;
  private String customer;
  private long category;
  private long product;
  private String loginEmail;
  private long sale;

  private synchronized void fixtures() {
    if (endpoints != null) {
      return;
    }
    endpoints = Routes.endpoints();
    sql = new Sql(server.db());
    customer = server.newCustomerToken();
    category = Expect.ok(api.put("create_category").token(admin()).json(new JsonObject()
        .put("category_name", "Request fixture").put("category_slug", "request-fixture")).send()).getLong("id");
    product = Expect.ok(api.put("create_product").token(admin()).json(new JsonObject()
        .put("product_name", "Request product").put("category_id", category).put("price", "3.00")).send())
        .getLong("id");
    Expect.ok(api.put("add_inventory").token(admin()).json(new JsonObject().put("product_id", product)
        .put("quantity", 1_000_000)).send());
    sale = Expect.ok(api.post("purchase_products").token(customer).json(new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("product_id", product).put("quantity", 1)))).send()).getLong("id");
    loginEmail = "request-login-" + unique.incrementAndGet() + "@test.example";
    Expect.ok(api.put("register_user").json(new JsonObject().put("first_name", "Request").put("last_name", "Login")
        .put("email", loginEmail).put("password", ValidRequests.LOGIN_PASSWORD).put("timezone", "UTC")).send());
  }

  private List<Endpoint> all() {
    fixtures();
    return new ArrayList<>(endpoints.values());
  }

  /** A valid request body of the endpoint, with fresh unique values. */
  private JsonObject valid(String endpoint) {
    String u = "r" + unique.incrementAndGet();
    String base = ValidRequests.body(endpoint).encode();
    String text = base
        .replace("\"{category}\"", String.valueOf(category))
        .replace("\"{product}\"", String.valueOf(product))
        .replace("\"{edit_product}\"", String.valueOf(product))
        .replace("\"{sale}\"", String.valueOf(sale))
        .replace("\"{user}\"", String.valueOf(sale))
        .replace("\"{edit_category}\"", String.valueOf(category))
        .replace("\"{empty_category}\"", base.contains("{empty_category}") ? String.valueOf(emptyCategory()) : "")
        .replace("{login_email}", loginEmail)
        .replace("{u}", u);
    return new JsonObject(text);
  }

  private long emptyCategory() {
    return Expect.ok(api.put("create_category").token(admin()).json(new JsonObject()
        .put("category_name", "Empty category").put("category_slug", "empty-" + unique.incrementAndGet())).send())
        .getLong("id");
  }

  /** The token the endpoint needs: none, a customer's (a fresh one for logout) or the admin's. */
  private String tokenFor(Endpoint e) {
    if (e.access() == Access.PUBLIC) {
      return null;
    }
    if (List.of("logout_user", "change_password", "update_me").contains(e.name())) {
      return server.newCustomerToken();
    }
    return e.access() == Access.ADMIN ? admin() : customer;
  }

  private Api.Call call(Endpoint e) {
    Api.Call call = api.call(e.method().name(), e.name());
    String token = tokenFor(e);
    return token == null ? call : call.token(token);
  }

  /** Exact status, the envelope ({} for errors but 409/422), no leaks, and /ready still 200. */
  private JsonObject check(String context, Api.Response r, int status) {
    Leaks.check(context, r, List.of(), List.of(TestServer.ADMIN_PASSWORD, ValidRequests.LOGIN_PASSWORD,
        ValidRequests.REGISTER_PASSWORD, CUSTOMER_PASSWORD));
    assertEquals(status, r.status(), () -> context + ": " + r);
    JsonObject data = new JsonObject();
    if (!context.startsWith("HEAD ")) {
      data = Expect.envelope(r, status);
      if (status >= 400 && status != 409 && status != 422) {
        assertEquals(new JsonObject(), data, () -> context + ": data of " + r);
      }
    }
    if (status == 401) {
      // which of the three challenges each refusal gets is TokensTest's to check
      String challenge = r.header("WWW-Authenticate");
      assertTrue(challenge != null && challenge.matches("Bearer( error=\"invalid_(token|request)\")?"),
          () -> context + ": WWW-Authenticate " + challenge);
    }
    assertEquals(200, api.get("/ready").send().status(), () -> "/ready after " + context);
    return data;
  }

  private static DynamicTest each(Endpoint e, String what, ThrowingRunnable body) {
    return DynamicTest.dynamicTest(e.method() + " " + e.name() + ": " + what, body::run);
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** The raw bytes of one HTTP/1.1 request; the endpoint's token unless {@code auth} says otherwise. */
  private byte[] request(String method, String target, String auth, String contentType, byte[] body,
                         String... headers) {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    if (auth != null) {
      head.append("Authorization: ").append(auth).append("\r\n");
    }
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String h : headers) {
      head.append(h).append("\r\n");
    }
    head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\nConnection: close\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  private String bearer(Endpoint e) {
    String token = tokenFor(e);
    return token == null ? null : "Bearer " + token;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String form(JsonObject json) {
    return json.stream().map(en -> URLEncoder.encode(en.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(en.getValue() instanceof String s ? s : String.valueOf(en.getValue()),
            StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  // ---------------------------------------------------------------------------------------------
  // Bodies

  @TestFactory
  Stream<DynamicTest> aBodyJustUnderOneMebibyteIsReadAndJustOverIs413() {
    return all().stream().flatMap(e -> Stream.of(
        each(e, "JSON of 1 MiB - 1 byte", () -> {
          String body = Texts.padded(valid(e.name()), MIB - 1);
          check(e.name() + " 1 MiB - 1", call(e).body(body, "application/json").send(), 200);
        }),
        each(e, "JSON of 1 MiB + 1 byte, even without a token", () -> {
          String body = Texts.padded(valid(e.name()), MIB + 1);
          check(e.name() + " 1 MiB + 1", call(e).body(body, "application/json").send(), 413);
          check(e.name() + " 1 MiB + 1 no token", api.call(e.method().name(), e.name())
              .body(body, "application/json").send(), 413);
        }),
        each(e, "a form of 1 MiB + 1 byte", () -> {
          String start = form(valid(e.name()));
          String body = start + (start.isEmpty() ? "" : "&") + "pad=";
          body += "x".repeat(MIB + 1 - body.length());
          check(e.name() + " form 1 MiB + 1", call(e).body(body, "application/x-www-form-urlencoded").send(), 413);
        }),
        each(e, "a UTF-8 body of 1 MiB counted in bytes, not characters", () -> {
          JsonObject json = valid(e.name()).put("pad", "😀".repeat(MIB / 4));
          String body = json.encode();
          int bytes = body.getBytes(StandardCharsets.UTF_8).length;
          assertTrue(bytes > MIB && body.length() < MIB, () -> bytes + " bytes");
          check(e.name() + " 4-byte characters over 1 MiB", call(e).body(body, "application/json").send(), 413);
        })));
  }

  @TestFactory
  Stream<DynamicTest> jsonBeyondTheParserLimitsIs400() {
    return all().stream().flatMap(e -> Stream.of(
        each(e, "nesting of 32 levels is read", () -> {
          String body = valid(e.name()).put("pad", "DEEP").encode().replace("\"DEEP\"", "[".repeat(31) + "]".repeat(31));
          check(e.name() + " depth 32", call(e).body(body, "application/json").send(), 200);
        }),
        each(e, "nesting of 33 levels is 400", () -> {
          String body = valid(e.name()).put("pad", "DEEP").encode().replace("\"DEEP\"", "[".repeat(32) + "]".repeat(32));
          check(e.name() + " depth 33", call(e).body(body, "application/json").send(), 400);
        }),
        each(e, "objects nested 33 levels are 400", () -> {
          String body = valid(e.name()).put("pad", "DEEP").encode()
              .replace("\"DEEP\"", "{\"a\": ".repeat(32) + "1" + "}".repeat(32));
          check(e.name() + " object depth 33", call(e).body(body, "application/json").send(), 400);
        }),
        each(e, "a field name of 50000 characters is read, one of 50001 is 400", () -> {
          check(e.name() + " name of 50000", call(e).body(valid(e.name()).put("n".repeat(50_000), 1).encode(),
              "application/json").send(), 200);
          check(e.name() + " name of 50001", call(e).body(valid(e.name()).put("n".repeat(50_001), 1).encode(),
              "application/json").send(), 400);
        }),
        each(e, "500000 open brackets are 400, not a stack overflow", () -> {
          check(e.name() + " [ x 500000", call(e).body("[".repeat(500_000), "application/json").send(), 400);
          check(e.name() + " {\"a\": x 100000", call(e).body("{\"a\":".repeat(100_000), "application/json").send(), 400);
        })));
  }

  @TestFactory
  Stream<DynamicTest> aJsonBodyThatIsNotOneObjectIs400() {
    return all().stream().map(e -> each(e, "arrays, scalars, two objects", () -> {
      String valid = valid(e.name()).encode();
      for (String body : List.of("[]", "[" + valid + "]", "42", "-1", "\"" + valid.replace("\"", "\\\"") + "\"", "true",
          "null", valid + valid, valid + " x", valid + ",", "{", "}", "{\"a\"}", "{\"a\":}", "{,}", "\"", "'{}'")) {
        check(e.name() + " body " + Texts.abbreviate(body), call(e).body(body, "application/json").send(), 400);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> jsonOutsideTheStandardIs400() {
    List<String> values = List.of("NaN", "Infinity", "-Infinity", "+1", "01", "-01", ".5", "1.", "1e", "0x10", "1_000",
        "undefined", "'single'", "\"raw\ttab\"", "\"raw\nnewline\"", "/*c*/1", "1 // c", "[1,]", "{\"a\": 1,}",
        "[1 2]", "\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "True", "nul", "1" + "0".repeat(400));
    return all().stream().map(e -> each(e, "non-standard JSON values", () -> {
      for (String v : values) {
        String body = valid(e.name()).put("pad", "VALUE").encode().replace("\"VALUE\"", v);
        check(e.name() + " pad = " + Texts.abbreviate(v), call(e).body(body, "application/json").send(),
            400);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> bytesThatAreNotUtf8Are400AndOneByteOrderMarkIsIgnored() {
    return all().stream().map(e -> each(e, "encodings", () -> {
      String valid = valid(e.name()).put("pad", "VALUE").encode();
      Map<String, byte[]> invalid = new LinkedHashMap<>();
      invalid.put("0xFF", new byte[] {(byte) 0xFF});
      invalid.put("latin-1 é", new byte[] {(byte) 0xE9});
      invalid.put("overlong /", new byte[] {(byte) 0xC0, (byte) 0xAF});
      invalid.put("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
      invalid.put("beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
      invalid.put("truncated", new byte[] {(byte) 0xE2, (byte) 0x82});
      for (Map.Entry<String, byte[]> bad : invalid.entrySet()) {
        int at = valid.indexOf("VALUE");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8(valid.substring(0, at)));
        body.writeBytes(bad.getValue());
        body.writeBytes(utf8(valid.substring(at)));
        check(e.name() + " JSON with " + bad.getKey(), Api.raw(server.port(), request(e.method().name(),
            "/ecommerce/v1/" + e.name(), bearer(e), "application/json", body.toByteArray())), 400);
      }
      for (Charset wide : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
        check(e.name() + " JSON in " + wide, Api.raw(server.port(), request(e.method().name(),
            "/ecommerce/v1/" + e.name(), bearer(e), "application/json", valid(e.name()).encode().getBytes(wide))), 400);
      }
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      ByteArrayOutputStream once = new ByteArrayOutputStream();
      once.writeBytes(bom);
      once.writeBytes(utf8(valid(e.name()).encode()));
      check(e.name() + " UTF-8 BOM", Api.raw(server.port(), request(e.method().name(), "/ecommerce/v1/" + e.name(),
          bearer(e), "application/json", once.toByteArray())), 200);
      ByteArrayOutputStream twice = new ByteArrayOutputStream();
      twice.writeBytes(bom);
      twice.writeBytes(bom);
      twice.writeBytes(utf8(valid(e.name()).encode()));
      check(e.name() + " two BOMs", Api.raw(server.port(), request(e.method().name(), "/ecommerce/v1/" + e.name(),
          bearer(e), "application/json", twice.toByteArray())), 400);
    }));
  }

  @TestFactory
  Stream<DynamicTest> aBodyOfAnotherMediaTypeIs415() {
    List<String> types = List.of("text/plain", "text/plain; charset=utf-8", "application/xml", "text/xml", "text/json",
        "text/html", "application/octet-stream", "image/png", "application/jsonx", "application/javascript",
        "multipart/mixed; boundary=x", "application/x-www-form-urlencoded-x", "json", "*/*");
    return all().stream().map(e -> each(e, "other media types", () -> {
      String body = valid(e.name()).encode();
      for (String type : types) {
        check(e.name() + " as " + type, call(e).body(body, type).send(), 415);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> formContentLabelledAsJsonIs400() {
    return all().stream().map(e -> each(e, "a form sent as application/json", () -> {
      String body = form(valid(e.name()).put("pad", "x"));
      check(e.name() + " " + body, call(e).body(body, "application/json").send(), 400);
      check(e.name() + " a=1", call(e).body("a=1&b=2", "application/json; charset=utf-8").send(), 400);
    }));
  }

  @TestFactory
  Stream<DynamicTest> aCompressedBodyIs415() {
    return all().stream().map(e -> each(e, "Content-Encoding: gzip", () -> {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
        gzip.write(utf8(valid(e.name()).encode()));
      }
      check(e.name() + " gzip", Api.raw(server.port(), request(e.method().name(), "/ecommerce/v1/" + e.name(),
          bearer(e), "application/json", zipped.toByteArray(), "Content-Encoding: gzip")), 415);
      check(e.name() + " identity", Api.raw(server.port(), request(e.method().name(), "/ecommerce/v1/" + e.name(),
          bearer(e), "application/json", utf8(valid(e.name()).encode()), "Content-Encoding: identity")), 200);
    }));
  }

  @TestFactory
  Stream<DynamicTest> multipartWithoutABoundaryIs400() {
    return all().stream().map(e -> each(e, "multipart/form-data without boundary", () -> {
      byte[] body = utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n");
      // GET never reads multipart (415); elsewhere a multipart body that cannot be split is unreadable
      check(e.name() + " no boundary", Api.raw(server.port(), request(e.method().name(), "/ecommerce/v1/" + e.name(),
          bearer(e), "multipart/form-data", body)), e.method().name().equals("GET") ? 415 : 400);
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Query strings, forms and paths

  @TestFactory
  Stream<DynamicTest> malformedPercentEncodingIs400() {
    List<String> bad = List.of("x=%", "x=%2", "x=%zz", "x=%G0", "%zz=1", "x=%E0%A4", "x=%FF", "x=%C0%AF",
        "x=%ED%A0%80", "x=%F4%90%80%80", "x=%E2%82", "x=a%80b");
    return all().stream().map(e -> each(e, "query, form and path", () -> {
      String path = "/ecommerce/v1/" + e.name();
      for (String q : bad) {
        check(e.name() + " query " + q, Api.raw(server.port(), request(e.method().name(), path + "?" + q, bearer(e),
            null, null)), 400);
        String body = form(valid(e.name())) + "&" + q;
        check(e.name() + " form " + q, Api.raw(server.port(), request(e.method().name(), path, bearer(e),
            "application/x-www-form-urlencoded", utf8(body))), 400);
      }
      byte[] rawLatin1 = utf8(form(valid(e.name())) + "&x=");
      byte[] withByte = Arrays.copyOf(rawLatin1, rawLatin1.length + 1);
      withByte[rawLatin1.length] = (byte) 0xE9;
      check(e.name() + " form with a raw latin-1 byte", Api.raw(server.port(), request(e.method().name(), path,
          bearer(e), "application/x-www-form-urlencoded", withByte)), 400);
      // well-formed encodings of the same text are fine
      check(e.name() + " encoded path", Api.raw(server.port(), request(e.method().name(),
          "/ecommerce/v1/" + e.name().replace("_", "%5F"), bearer(e), "application/json",
          utf8(valid(e.name()).encode()))), 200);
    }));
  }

  @Test
  void repeatedKeysInTheQueryAndInFormsTheLastOneWins() throws IOException {
    fixtures();
    JsonObject data = check("per_page twice", api.get("get_categories").token(customer)
        .rawQuery("per_page=1&per_page=3").send(), 200);
    assertEquals(3, data.getInteger("per_page"));
    JsonObject invalid = check("per_page then x", api.get("get_categories").token(customer)
        .rawQuery("per_page=3&per_page=x").send(), 422);
    assertEquals(List.of("per_page"), new ArrayList<>(invalid.fieldNames()));
    data = check("form per_page twice", api.get("get_categories").token(customer)
        .form("per_page", "1", "per_page", "4").send(), 200);
    assertEquals(4, data.getInteger("per_page"));
    String slug = "repeat-" + unique.incrementAndGet();
    data = check("form name twice", api.put("create_category").token(admin())
        .form("category_name", "First name", "category_slug", slug, "category_name", "Second name").send(), 200);
    assertEquals("Second name", data.getString("category_name"));
    String ids = Stream.iterate(1, i -> i + 1).limit(100).map(i -> "category_ids=" + i).collect(Collectors.joining("&"));
    check("100 repeated list keys", api.get("get_products").token(customer).rawQuery(ids).send(), 200);
    JsonObject tooMany = check("101 repeated list keys", api.get("get_products").token(customer)
        .rawQuery(ids + "&category_ids=101").send(), 422);
    assertEquals(List.of("category_ids"), new ArrayList<>(tooMany.fieldNames()));
    // a key repeated across sources: the JSON body beats the query, the form beats the query
    data = check("query and body", api.get("get_categories").token(customer).rawQuery("per_page=1")
        .json(new JsonObject().put("per_page", 2)).send(), 200);
    assertEquals(2, data.getInteger("per_page"));
  }

  @Test
  void veryManyParametersAreAllReadNoneDropped() throws IOException {
    fixtures();
    // 1500 parameters before the one that matters, within the request-line limit
    JsonObject data = check("1500 query parameters", api.get("get_categories").token(customer)
        .rawQuery("a&".repeat(1500) + "per_page=2").send(), 200);
    assertEquals(2, data.getInteger("per_page"));
    data = check("5000 form fields on GET", api.get("get_categories").token(customer)
        .body("a=1&".repeat(5000) + "per_page=3", "application/x-www-form-urlencoded").send(), 200);
    assertEquals(3, data.getInteger("per_page"));
    String many = Stream.iterate(0, i -> i + 1).limit(2000).map(i -> "k" + i + "=v").collect(Collectors.joining("&"));
    String slug = "many-" + unique.incrementAndGet();
    data = check("2000 form fields on PUT", api.put("create_category").token(admin())
        .body(many + "&category_name=Many+fields&category_slug=" + slug, "application/x-www-form-urlencoded").send(), 200);
    assertEquals("Many fields", data.getString("category_name"));
    data = check("2000 form fields on POST", api.post("login_user")
        .body(many + "&email=" + URLEncoder.encode(loginEmail, StandardCharsets.UTF_8) + "&password="
            + ValidRequests.LOGIN_PASSWORD, "application/x-www-form-urlencoded").send(), 200);
    assertTrue(data.containsKey("access_token"));
    String json = Stream.iterate(0, i -> i + 1).limit(50_000).map(i -> "\"k" + i + "\": " + i)
        .collect(Collectors.joining(", ", "{", ", \"per_page\": 4}"));
    data = check("50000 JSON keys", api.get("get_categories").token(customer).body(json, "application/json").send(), 200);
    assertEquals(4, data.getInteger("per_page"));
    // multipart stays with Vert.x's decoder, which takes at most 256 parts
    String[] parts = Stream.iterate(0, i -> i + 1).limit(254).flatMap(i -> Stream.of("k" + i, "v"))
        .toArray(String[]::new);
    String[] fields = Stream.concat(Stream.of(parts), Stream.of("category_name", "Multipart many",
        "category_slug", "mp-" + unique.incrementAndGet())).toArray(String[]::new);
    check("256 multipart parts", api.put("create_category").token(admin()).multipart(fields).send(), 200);
    String[] more = Stream.concat(Stream.of("k254", "v"), Stream.of(fields)).toArray(String[]::new);
    check("257 multipart parts", api.put("create_category").token(admin()).multipart(more).send(), 400);
    // a request line over the limit is refused as such, in the envelope
    check("request line over 4 KiB", Api.raw(server.port(), request("GET",
        "/ecommerce/v1/get_categories?" + "a&".repeat(3000), "Bearer " + customer, null, null)), 414);
  }

  @TestFactory
  Stream<DynamicTest> oddPathsAndMethods() {
    fixtures();
    String base = "/ecommerce/v1/get_categories";
    List<Object[]> cases = List.of(
        new Object[] {"GET", base + "%", 400}, new Object[] {"GET", base + "%zz", 400},
        new Object[] {"GET", base + "%E0%A4", 400}, new Object[] {"PUT", "/ecommerce/v1/create_category%C0%AF", 400},
        new Object[] {"GET", "/ecommerce/v1/%zz", 400}, new Object[] {"GET", "/%", 400},
        new Object[] {"POST", "/%zz/%zz", 400}, new Object[] {"GET", base + "\u00ff", 400},
        new Object[] {"GET", "/ecommerce/v1/get%5Fcategories", 200}, new Object[] {"GET", base + "%20", 404},
        new Object[] {"GET", base + "%00", 404}, new Object[] {"GET", "/ecommerce/v1/GET_CATEGORIES", 404},
        new Object[] {"GET", base + ";x=1", 404}, new Object[] {"GET", base + "/extra", 404},
        new Object[] {"GET", "/ecommerce/v1/./get_categories", 200}, new Object[] {"GET", "//ecommerce//v1//get_categories", 200},
        new Object[] {"GET", "/ecommerce/v1/%2e%2e/v1/get_categories", 200}, new Object[] {"GET", base + "/", 200},
        new Object[] {"GET", "/ecommerce/v1/../../../../etc/passwd", 404}, new Object[] {"GET", "/ecommerce/v1/%2e%2e%2f%2e%2e%2fetc/passwd", 404},
        new Object[] {"GET", "*", 404}, new Object[] {"GET", base + "?", 200},
        new Object[] {"TRACE", base, 405}, new Object[] {"OPTIONS", base, 405}, new Object[] {"PATCH", base, 405},
        new Object[] {"DELETE", base, 405}, new Object[] {"FOO", base, 405}, new Object[] {"get", base, 405},
        new Object[] {"HEAD", base, 200});
    return cases.stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1] + " → " + c[2], () -> {
      Api.Response r = Api.raw(server.port(), request((String) c[0], (String) c[1], "Bearer " + customer, null, null));
      check(c[0] + " " + c[1], r, (Integer) c[2]);
      if (c[0].equals("HEAD")) {
        assertEquals("", r.body(), "HEAD has no body");
      }
    }));
  }

  // ---------------------------------------------------------------------------------------------
  // Credentials and other headers

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @TestFactory
  Stream<DynamicTest> garbageAuthorizationIs401() {
    fixtures();
    String real = customer;
    String sig = real.substring(real.lastIndexOf('.') + 1);
    List<String> values = List.of("", "Bearer", "Bearer ", "bearer", "Bearer  ", "Basic dXNlcjpwYXNz", "Digest x",
        "Negotiate YII=", "Bearer x", "Bearer a.b.c", "Bearer ..", "Bearer a..", "Bearer ...", "Bearer " + "a".repeat(7000),
        "Bearer " + "a.".repeat(3000) + "a", "Bearer " + real + "x", "Bearer " + real.substring(0, real.length() - 1),
        "Bearer " + real + " " + real, "Bearer " + real + "," + real, "Bearer \"" + real + "\"", "Bearer " + real + ".",
        "Bearer ." + real, "Token " + real, real, "Bearer " + real.replace('.', '_'),
        "Bearer " + b64("{\"alg\":\"none\"}") + "." + real.split("\\.")[1] + ".",
        "Bearer " + b64("[1]") + "." + real.split("\\.")[1] + "." + sig,
        "Bearer " + b64("{\"alg\":\"HS256\"}") + "." + b64("not json") + "." + sig,
        "Bearer " + b64("{\"alg\":{\"$ne\":null}}") + "." + real.split("\\.")[1] + "." + sig,
        "Bearer " + b64("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).substring(0, 2000) + ".e30." + sig,
        "Bearer ' OR 1=1 --", "Bearer ${jndi:ldap://x}", "Bearer <script>", "Bearer %00", "Bearer null",
        "Bearer undefined", "Bearer [object Object]");
    return all().stream().filter(e -> e.access() != Access.PUBLIC).map(e -> each(e, "garbage credentials", () -> {
      for (String v : values) {
        Api.Response r = Api.raw(server.port(), request(e.method().name(), "/ecommerce/v1/" + e.name(), v,
            "application/json", utf8(valid(e.name()).encode())));
        check(e.name() + " Authorization: " + Texts.abbreviate(v), r, 401);
      }
      // a token-optional read serves an anonymous caller; every other endpoint wants a token
      check(e.name() + " no Authorization", Api.raw(server.port(), request(e.method().name(),
          "/ecommerce/v1/" + e.name(), null, "application/json", utf8(valid(e.name()).encode()))),
          e.access() == Access.OPTIONAL ? 200 : 401);
      byte[] utf8Token = request(e.method().name(), "/ecommerce/v1/" + e.name(), null, "application/json",
          utf8(valid(e.name()).encode()), "Authorization: Bearer " + new String(utf8("тöкен.ü.ß"), StandardCharsets.ISO_8859_1));
      check(e.name() + " UTF-8 bytes in the token", Api.raw(server.port(), utf8Token), 401);
    }));
  }

  @Test
  void garbageAuthorizationOnAPublicEndpointIsIgnored() throws IOException {
    fixtures();
    for (String v : List.of("Bearer garbage", "Basic dXNlcjpwYXNz", "Bearer " + "a".repeat(7000))) {
      check("login with " + Texts.abbreviate(v), Api.raw(server.port(), request("POST",
          "/ecommerce/v1/login_user", v, "application/json", utf8(valid("login_user").encode()))), 200);
      check("register with " + Texts.abbreviate(v), Api.raw(server.port(), request("PUT",
          "/ecommerce/v1/register_user", v, "application/json", utf8(valid("register_user").encode()))), 200);
    }
  }

  @Test
  void headersOverTheCodecLimitsAreAnsweredInTheEnvelope() throws IOException {
    fixtures();
    check("a 9000-character token", Api.raw(server.port(), request("GET", "/ecommerce/v1/get_categories",
        "Bearer " + "a".repeat(9000), null, null)), 431);
    check("a control character in a header", Api.raw(server.port(), request("GET", "/ecommerce/v1/get_categories",
        "Bearer a\u0001b", null, null)), 400);
    check("a NUL in a header", Api.raw(server.port(), request("GET", "/ecommerce/v1/get_categories",
        "Bearer a\u0000b", null, null)), 400);
  }

  @Test
  void twoAuthorizationHeadersAre401WhicheverComesFirst() throws IOException {
    fixtures();
    String good = "Authorization: Bearer " + customer;
    for (List<String> pair : List.of(List.of("Authorization: Bearer garbage", good), List.of(good,
        "Authorization: Bearer garbage"), List.of(good, good), List.of(good, "Authorization: Basic dXNlcjpwYXNz"))) {
      Api.Response r = Api.raw(server.port(), request("GET", "/ecommerce/v1/get_categories", null, null, null,
          pair.toArray(String[]::new)));
      check("two Authorization headers " + pair, r, 401);
    }
  }

  @Test
  void idempotencyKeysAreCheckedAndAnyPrintableOneIsKeptVerbatim() throws IOException {
    fixtures();
    String body = new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("product_id", product).put("quantity", 1))).encode();
    for (String key : List.of("' OR 1=1 --", "\"; DROP TABLE idempotency_keys; --", "<script>alert(1)</script>",
        "${jndi:ldap://x}", "%00", "k".repeat(255), "~!@#$%^&*()_+{}|:<>?`-=[]\\;',./", "a b")) {
      String unique = key.length() < 200 ? key + " " + this.unique.incrementAndGet() : key.substring(0, 245)
          + this.unique.incrementAndGet();
      String k = unique.length() > 255 ? unique.substring(0, 255) : unique;
      JsonObject first = check("key " + k, api.post("purchase_products").token(customer).header("Idempotency-Key", k)
          .body(body, "application/json").send(), 200);
      JsonObject again = check("key " + k + " again", api.post("purchase_products").token(customer)
          .header("Idempotency-Key", k).body(body, "application/json").send(), 200);
      assertEquals(first.getLong("id"), again.getLong("id"), () -> "replay of " + k);
      assertEquals(1L, sql.number("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = ?", k), k);
    }
    JsonObject tooLong = check("256-character key", api.post("purchase_products").token(customer)
        .header("Idempotency-Key", "k".repeat(256)).body(body, "application/json").send(), 422);
    assertEquals(List.of("Idempotency-Key"), new ArrayList<>(tooLong.fieldNames()));
    for (String raw : List.of("", "ключ", "ü", "tab\there")) {
      byte[] request = request("POST", "/ecommerce/v1/purchase_products", "Bearer " + customer, "application/json",
          utf8(body), "Idempotency-Key: " + new String(utf8(raw), StandardCharsets.ISO_8859_1));
      JsonObject data = check("key " + raw, Api.raw(server.port(), request), 422);
      assertEquals(List.of("Idempotency-Key"), new ArrayList<>(data.fieldNames()));
    }
  }

  /**
   * Refusals made by the HTTP codec itself are answered like every other: in the envelope, with a
   * request id. An HTTP/2.0 request line (and the HTTP/2 connection preface) is 505; an upgrade to
   * h2c, well-formed or not, is ignored and the request served over HTTP/1.1.
   */
  @Test
  void http2RequestLinesAndH2cUpgradesAreAnsweredInTheEnvelopeWithARequestId() throws IOException {
    fixtures();
    for (String line : List.of("GET /ecommerce/v1/get_categories HTTP/2.0", "GET /health HTTP/2.0",
        "GET /ecommerce/v1/get_categories HTTP/1.2", "PRI * HTTP/2.0")) {
      Api.Response r = Api.raw(server.port(), line + "\r\nHost: localhost\r\n\r\n" + (line.startsWith("PRI") ? "SM\r\n\r\n" : ""));
      check(line, r, 505);
      assertTrue(r.header("X-Request-ID").matches("[0-9a-f]{32}"), () -> line + ": " + r.headers());
    }
    for (String settings : List.of("!!!", "", "AAMAAABkAAQAAP__")) {
      String upgrade = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: " + settings;
      Api.Response r = Api.raw(server.port(), request("GET", "/ecommerce/v1/get_categories", "Bearer " + customer, null,
          null, upgrade));
      check("h2c upgrade with settings '" + settings + "'", r, 200);
      assertTrue(r.header("X-Request-ID").matches("[0-9a-f]{32}"), r.headers()::toString);
      Api.Response anonymous = Api.raw(server.port(), request("GET", "/ecommerce/v1/nope", null, null, null, upgrade));
      check("h2c upgrade to a missing route, settings '" + settings + "'", anonymous, 404);
    }
  }

  /** Which of two copies counts is where proxies and servers disagree: a header that must be single, sent twice, is 400. */
  @Test
  void aHeaderThatMustBeSingleSentTwiceIs400() throws IOException {
    fixtures();
    String body = new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("product_id", product).put("quantity", 1))).encode();
    long sales = sql.number("SELECT COUNT(*) FROM sales");
    String first = "first-" + unique.incrementAndGet();
    String second = "second-" + unique.incrementAndGet();
    JsonObject data = check("two Idempotency-Key headers", Api.raw(server.port(), request("POST",
        "/ecommerce/v1/purchase_products", "Bearer " + customer, "application/json", utf8(body),
        "Idempotency-Key: " + first, "Idempotency-Key: " + second)), 400);
    assertEquals(new JsonObject(), data);
    assertEquals(sales, sql.number("SELECT COUNT(*) FROM sales"), "nothing was bought");
    assertEquals(0L, sql.number("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key IN (?, ?)", first, second));
    Api.Response same = Api.raw(server.port(), request("POST", "/ecommerce/v1/purchase_products", "Bearer " + customer,
        "application/json", utf8(body), "Idempotency-Key: " + first, "Idempotency-Key: " + first));
    check("the same Idempotency-Key twice", same, 400);
    check("two Content-Type headers", Api.raw(server.port(), request("POST", "/ecommerce/v1/purchase_products",
        "Bearer " + customer, "application/json", utf8(body), "Content-Type: application/x-www-form-urlencoded")), 400);
    check("two Content-Length headers", Api.raw(server.port(), request("POST", "/ecommerce/v1/purchase_products",
        "Bearer " + customer, "application/json", utf8(body), "Content-Length: " + utf8(body).length)), 400);
    assertEquals(sales, sql.number("SELECT COUNT(*) FROM sales"), "still nothing bought");
  }
}
