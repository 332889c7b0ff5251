package app.ecommerce.tools;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./run.sh smoke [URL]}: walks {@code endpoints.json} against a running server, in order,
 * the way Postman's runner would: each request with its variables, auth and body; each response
 * checked for the status its test script names (2xx when it names none) and for the envelope
 * shape; the variables its script captures carried to later requests. One line per step; the
 * first surprise ends the tour with exit code 1 ({@code --keep-going} runs every step anyway).
 */
final class Smoke {
  static final String USAGE = "Usage: smoke [URL] [--collection FILE] [--var NAME=VALUE]... [--keep-going]\n"
      + "  URL defaults to http://127.0.0.1:8000; the collection to ./endpoints.json, else the copy in the jar";
  private static final long RUN = System.currentTimeMillis() / 1000;
  private static final List<String> ENVELOPE_KEYS = List.of("status_code", "success", "message", "data");

  private final PrintStream out;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Smoke(PrintStream out) {
    this.out = out;
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String base = "http://127.0.0.1:8000";
    Path file = null;
    boolean keepGoing = false;
    List<String[]> overrides = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--keep-going")) {
        keepGoing = true;
      } else if (arg.equals("--collection") && i + 1 < args.length) {
        file = Path.of(args[++i]);
      } else if (arg.equals("--var") && i + 1 < args.length && args[i + 1].contains("=")) {
        overrides.add(args[++i].split("=", 2));
      } else if (!arg.startsWith("-") && i == 1) {
        base = arg.replaceAll("/+$", "");
      } else {
        err.println(USAGE);
        return 2;
      }
    }
    PostmanCollection collection;
    try {
      collection = new PostmanCollection(new JsonObject(read(file)));
    } catch (IOException | RuntimeException e) {
      err.println("smoke: cannot read the collection: " + e.getMessage());
      return 2;
    }
    collection.variables.put("baseUrl", base);
    overrides.forEach(kv -> collection.variables.put(kv[0], kv[1]));
    return new Smoke(out).tour(collection, base, keepGoing);
  }

  private static String read(Path file) throws IOException {
    Path local = file != null ? file : Path.of("endpoints.json");
    if (file != null || Files.isRegularFile(local)) {
      return Files.readString(local);
    }
    try (InputStream in = Smoke.class.getClassLoader().getResourceAsStream("endpoints.json")) {
      if (in == null) {
        throw new IOException("no endpoints.json here and none in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private int tour(PostmanCollection collection, String base, boolean keepGoing) {
    List<PostmanCollection.Step> steps = collection.steps;
    out.println("Smoke tour of " + steps.size() + " requests against " + base);
    int passed = 0;
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      PostmanCollection.Step step = steps.get(i);
      String prefix = String.format("%3d/%d ", i + 1, steps.size());
      String problem;
      try {
        problem = run(collection, step, prefix);
      } catch (IOException e) {
        problem = "no answer from " + base + " (" + e + "): is the server running?";
        out.println(prefix + "FAIL " + step.name() + ": " + problem);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
      if (problem == null) {
        passed++;
      } else {
        failed.add(step.name());
        if (!keepGoing) {
          break;
        }
      }
    }
    if (failed.isEmpty()) {
      out.println("Smoke tour passed: all " + passed + " steps answered as expected");
      return 0;
    }
    out.println("Smoke tour FAILED: " + failed.size() + " step(s) did not answer as expected " + failed + "; "
        + passed + " did, " + (steps.size() - passed - failed.size()) + " not run");
    return 1;
  }

  /** @return null when the step answered as expected, else what was wrong (already printed) */
  private String run(PostmanCollection collection, PostmanCollection.Step step, String prefix)
      throws IOException, InterruptedException {
    List<String> missing = new ArrayList<>();
    String url = collection.substitute(step.url(), missing);
    // a request id of our own, so that a failed step can be found in the server's log
    String requestId = "smoke-" + RUN + "-" + prefix.strip().replace('/', '-');
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60))
        .header("X-Request-ID", requestId);
    for (String[] header : step.headers()) {
      request.header(header[0], collection.substitute(header[1], missing));
    }
    String token = bearer(step.auth() != null ? step.auth() : collection.auth, collection, missing);
    if (token != null && !token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    String body = body(step.body(), collection, missing, request);
    String label = step.method() + " " + step.name();
    if (!step.unsupported().isEmpty()) {
      return fail(prefix, label, "the smoke tour cannot run this test script: " + step.unsupported());
    }
    if (!missing.isEmpty()) {
      return fail(prefix, label, "undefined variable(s) " + missing);
    }
    request.uri(URI.create(url)).method(step.method(), body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    long ms = (System.nanoTime() - start) / 1_000_000;
    int status = response.statusCode();
    boolean expected = step.expectedStatus() != null ? status == step.expectedStatus() : status / 100 == 2;
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    JsonObject envelope = null;
    String shape = null;
    if (URI.create(url).getPath().startsWith("/ecommerce/") && contentType.startsWith("application/json")) {
      try {
        envelope = new JsonObject(response.body());
        shape = envelopeProblem(envelope, status);
      } catch (RuntimeException e) {
        shape = "the body is not a JSON object";
      }
    }
    String message = envelope == null ? contentType : envelope.getString("message", "");
    String what = String.format("%-42s %d (%d ms) %s", label, status, ms, message);
    if (!expected) {
      String wanted = step.expectedStatus() != null ? String.valueOf(step.expectedStatus()) : "2xx";
      String hint = status == 404 && "Not Found".equals(message)
          ? "; this server has no route " + step.method() + " " + URI.create(url).getPath()
              + " (an older build, or a feature not merged yet?)"
          : "";
      return fail(prefix, what, "expected " + wanted + hint + " [X-Request-ID " + requestId + "]");
    }
    if (shape != null) {
      return fail(prefix, what, "not the envelope: " + shape);
    }
    for (var capture : step.captures().entrySet()) {
      Object value = envelope == null ? null : PostmanCollection.select(envelope, capture.getValue());
      if (value == null) {
        return fail(prefix, what, "no " + capture.getValue() + " in the response for {{" + capture.getKey() + "}}");
      }
      collection.variables.put(capture.getKey(), String.valueOf(value));
    }
    out.println(prefix + "ok   " + what);
    return null;
  }

  private String fail(String prefix, String what, String problem) {
    out.println(prefix + "FAIL " + what + ": " + problem);
    return problem;
  }

  private static String envelopeProblem(JsonObject envelope, int status) {
    if (!List.copyOf(envelope.fieldNames()).equals(ENVELOPE_KEYS)) {
      return "keys " + envelope.fieldNames() + " instead of " + ENVELOPE_KEYS;
    }
    if (!(envelope.getValue("status_code") instanceof Number n) || n.intValue() != status) {
      return "status_code " + envelope.getValue("status_code") + " but HTTP " + status;
    }
    if (!Boolean.valueOf(status / 100 == 2).equals(envelope.getValue("success"))) {
      return "success " + envelope.getValue("success") + " for HTTP " + status;
    }
    if (!(envelope.getValue("message") instanceof String) || !(envelope.getValue("data") instanceof JsonObject)) {
      return "message must be a string and data an object";
    }
    return null;
  }

  private static String bearer(JsonObject auth, PostmanCollection collection, List<String> missing) {
    if (auth == null || !"bearer".equals(auth.getString("type"))) {
      return null;
    }
    JsonArray entries = auth.getJsonArray("bearer", new JsonArray());
    for (int i = 0; i < entries.size(); i++) {
      JsonObject entry = entries.getJsonObject(i);
      if ("token".equals(entry.getString("key"))) {
        return collection.substitute(String.valueOf(entry.getValue("value")), missing);
      }
    }
    return null;
  }

  private static String body(JsonObject body, PostmanCollection collection, List<String> missing,
                             HttpRequest.Builder request) {
    if (body == null || body.getString("mode") == null) {
      return null;
    }
    switch (body.getString("mode")) {
      case "raw":
        return collection.substitute(body.getString("raw", ""), missing);
      case "urlencoded": {
        StringBuilder form = new StringBuilder();
        JsonArray fields = body.getJsonArray("urlencoded", new JsonArray());
        for (int i = 0; i < fields.size(); i++) {
          JsonObject f = fields.getJsonObject(i);
          if (f.getBoolean("disabled", false)) {
            continue;
          }
          form.append(form.length() == 0 ? "" : "&")
              .append(URLEncoder.encode(collection.substitute(f.getString("key"), missing), StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(collection.substitute(f.getString("value", ""), missing), StandardCharsets.UTF_8));
        }
        request.setHeader("Content-Type", "application/x-www-form-urlencoded");
        return form.toString();
      }
      default:
        missing.add("(body mode '" + body.getString("mode") + "' is not supported)");
        return null;
    }
  }
}
