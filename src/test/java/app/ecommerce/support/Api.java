package app.ecommerce.support;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Real HTTP to the server under test (java.net.http, HTTP/1.1, as many connections as there are
 * requests in flight). Every response is parsed as the envelope when it is JSON.
 */
public final class Api {
  private final String base;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public String base() {
    return base;
  }

  /** A response: status, headers and the body (parsed when it is JSON). */
  public record Response(int status, Map<String, String> headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonObject data() {
      return json().getJsonObject("data");
    }

    public String message() {
      return json().getString("message");
    }

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** A request being built: method, endpoint, query, body, headers. */
  public final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private String rawQuery;

    Call(String method, String path) {
      this.method = method;
      this.path = path.startsWith("/") ? path : "/ecommerce/v1/" + path;
    }

    public Call token(String token) {
      return header("Authorization", "Bearer " + token);
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Call query(String name, Object value) {
      query.put(name, String.valueOf(value));
      return this;
    }

    /** Appends this query text as it is (already encoded), after any {@link #query} pairs. */
    public Call rawQuery(String text) {
      this.rawQuery = text;
      return this;
    }

    /** An application/x-www-form-urlencoded body of these pairs, in order. */
    public Call form(String... namesAndValues) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        text.append(text.length() == 0 ? "" : "&").append(enc(namesAndValues[i])).append('=')
            .append(enc(namesAndValues[i + 1]));
      }
      return body(text.toString(), "application/x-www-form-urlencoded");
    }

    /** A multipart/form-data body of these text parts, in order. */
    public Call multipart(String... namesAndValues) {
      String boundary = "----test-boundary-" + System.nanoTime();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        text.append("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(namesAndValues[i]).append("\"\r\n\r\n")
            .append(namesAndValues[i + 1]).append("\r\n");
      }
      text.append("--").append(boundary).append("--\r\n");
      return body(text.toString(), "multipart/form-data; boundary=" + boundary);
    }

    public Call json(JsonObject json) {
      return body(json.encode(), "application/json");
    }

    public Call body(String text, String contentType) {
      this.body = text;
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      return this;
    }

    public Response send() {
      try {
        return sendAsync().get();
      } catch (Exception e) {
        throw new IllegalStateException(method + " " + path + " failed: " + e, e);
      }
    }

    /**
     * The answer to come as a Vert.x future, for tests that assert on each answer as it arrives
     * through a {@code VertxTestContext} (its callbacks run on the HTTP client's threads).
     */
    public Future<Response> submit() {
      return Future.fromCompletionStage(sendAsync());
    }

    public CompletableFuture<Response> sendAsync() {
      String qs = query.isEmpty() ? "" : "?" + query.entrySet().stream()
          .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
      if (rawQuery != null) {
        qs = qs.isEmpty() ? "?" + rawQuery : qs + "&" + rawQuery;
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + qs))
          .timeout(Duration.ofSeconds(120))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(request::header);
      OpenApiContract contract = OpenApiContract.of(base);
      String target = path + qs;
      return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
        Response response = new Response(r.statusCode(), h, r.body());
        if (contract != null) {
          contract.check(method, target, response); // every answer of every API test keeps /openapi.json's word
        }
        return response;
      });
    }
  }

  public Call get(String path) {
    return new Call("GET", path);
  }

  public Call put(String path) {
    return new Call("PUT", path);
  }

  public Call post(String path) {
    return new Call("POST", path);
  }

  public Call call(String method, String path) {
    return new Call(method, path);
  }

  /** How many responses had each status, in status order: what a burst of concurrent requests got. */
  public static Map<Integer, Integer> statuses(List<Response> responses) {
    Map<Integer, Integer> counts = new TreeMap<>();
    responses.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  /** Logs in and returns the bearer token (fails the test on anything but 200). */
  public String login(String email, String password) {
    Response r = post("login_user").json(new JsonObject().put("email", email).put("password", password)).send();
    if (r.status() != 200) {
      throw new AssertionError("login of " + email + " failed: " + r);
    }
    return r.data().getString("access_token");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Plain HTTP for tests that must send what java.net.http will not (raw bytes, odd methods). */
  public static String rawRequest(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@link #rawRequest} parsed: status line, headers (lower-case names) and body. */
  public static Response raw(int port, String request) throws IOException {
    return raw(port, request.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends these exact bytes (invalid UTF-8, bare control characters...) and parses the answer. */
  public static Response raw(int port, byte[] request) throws IOException {
    byte[] answer;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      answer = socket.getInputStream().readAllBytes();
    }
    // the head is ASCII, so its length in characters of ISO-8859-1 is its length in bytes
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no complete HTTP response: " + new String(answer, StandardCharsets.UTF_8));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> h = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      h.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
    }
    byte[] body = Arrays.copyOfRange(answer, end + 4, answer.length);
    if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
      body = dechunked(body);
    }
    return new Response(Integer.parseInt(lines[0].split(" ")[1]), h, new String(body, StandardCharsets.UTF_8));
  }

  /** A chunked body's data (RFC 9112 §7.1): an answer sent in parts arrives this way. */
  private static byte[] dechunked(byte[] chunked) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOfCrLf(chunked, at);
      if (lineEnd < 0) {
        throw new AssertionError("a chunked body cut short after " + data.size() + " bytes");
      }
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      at = lineEnd + 2;
      if (size == 0) {
        return data.toByteArray();
      }
      if (at + size + 2 > chunked.length) {
        throw new AssertionError("a chunked body cut short after " + data.size() + " bytes");
      }
      data.write(chunked, at, size);
      at += size + 2;
    }
  }

  private static int indexOfCrLf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
