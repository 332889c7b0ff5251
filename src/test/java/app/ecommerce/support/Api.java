package app.ecommerce.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

    public CompletableFuture<Response> sendAsync() {
      String qs = query.isEmpty() ? "" : "?" + query.entrySet().stream()
          .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + qs))
          .timeout(Duration.ofSeconds(120))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(request::header);
      return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
        return new Response(r.statusCode(), h, r.body());
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
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
