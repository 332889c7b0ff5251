package app.ecommerce.support;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The served {@code /openapi.json} as a contract every API test's answers must keep: {@link Api}
 * hands each response here, which finds the operation of its method and path and requires that
 * the document lists its status and media type, and that a JSON body validates against that
 * response's schema (vertx-json-schema, draft 2020-12). The document is read once per test run,
 * from the first server a test talks to (it is built from the route modules, the same on every
 * server), and each schema is compiled once.
 */
public final class OpenApiContract {
  private static final String BASE = "https://ecommerce.test/";
  private static final String DOCUMENT = BASE + "openapi.json";
  private static final Map<String, Boolean> SERVES_DOCUMENT = new ConcurrentHashMap<>();
  private static volatile OpenApiContract loaded;

  private final JsonObject document;
  private final SchemaRepository repository;
  private final Map<String, Validator> validators = new ConcurrentHashMap<>();

  OpenApiContract(JsonObject document) {
    this.document = document;
    JsonSchemaOptions options = new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE)
        .setOutputFormat(OutputFormat.Basic);
    this.repository = SchemaRepository.create(options);
    repository.dereference(DOCUMENT, JsonSchema.of(document.copy()));
  }

  /**
   * The contract for the listener at {@code base}: null for one that serves no document (the
   * management port), whose answers are outside it. Each listener is asked once whether it serves
   * the document; the document of the run is parsed and compiled once, from the first that does.
   */
  public static OpenApiContract of(String base) {
    Boolean serves = SERVES_DOCUMENT.get(base);
    if (serves == null) {
      JsonObject document;
      try {
        document = fetch(base);
      } catch (IllegalStateException notUpYet) {
        return null; // a listener that is not up cannot answer this request either
      }
      synchronized (OpenApiContract.class) {
        if (document != null && loaded == null) {
          loaded = new OpenApiContract(document);
        }
      }
      serves = document != null;
      SERVES_DOCUMENT.put(base, serves);
    }
    return serves ? loaded : null;
  }

  /** The served document, or null when the listener has none (404). */
  private static JsonObject fetch(String base) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/openapi.json"))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) {
        return null;
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException("/openapi.json answered " + r.statusCode());
      }
      return new JsonObject(r.body());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read /openapi.json of " + base + ": " + e, e);
    }
  }

  /**
   * Fails (AssertionError) when this answer to {@code method target} is not one the document
   * declares. A path the document does not list is checked only when it is an API path (its 404
   * must be the error envelope); others (the web front's files, /metrics on the management port)
   * are not the document's business.
   */
  public void check(String method, String target, Api.Response r) {
    String path = path(target);
    JsonObject operations = document.getJsonObject("paths").getJsonObject(path);
    String verb = method.toUpperCase(Locale.ROOT);
    if (verb.equals("OPTIONS")) {
      return; // CORS preflights (204, no body) and 405s: API.md §1, not an operation of the document
    }
    if (operations == null) {
      if (path.startsWith("/ecommerce/")) {
        require(r.status() == 404, method, target, r, "an unknown API path must be a 404");
        validate("#/components/schemas/ErrorEnvelope", method, target, r);
      }
      return;
    }
    JsonObject operation = operations.getJsonObject(verb.equals("HEAD") ? "get" : verb.toLowerCase(Locale.ROOT));
    if (operation == null && verb.equals("HEAD")) {
      require(r.status() == 405, method, target, r, "a method the path does not serve must be a 405");
      return;
    }
    if (operation == null) {
      require(r.status() == 405, method, target, r, "a method the path does not serve must be a 405");
      validate("#/components/schemas/ErrorEnvelope", method, target, r);
      return;
    }
    String pointer = "#/paths/" + escape(path) + "/" + (verb.equals("HEAD") ? "get" : verb.toLowerCase(Locale.ROOT))
        + "/responses/" + r.status();
    JsonObject response = operation.getJsonObject("responses").getJsonObject(String.valueOf(r.status()));
    require(response != null, method, target, r, "status " + r.status() + " is not documented for this operation");
    if (response.containsKey("$ref")) {
      pointer = response.getString("$ref");
      response = resolve(pointer);
    }
    if (verb.equals("HEAD")) {
      return; // no body to check
    }
    JsonObject content = response.getJsonObject("content");
    if (content == null) {
      require(r.body() == null || r.body().isEmpty(), method, target, r, "this status has no body");
      return;
    }
    String type = mediaType(r.header("Content-Type"));
    require(content.containsKey(type), method, target, r,
        "media type " + type + " is not documented for status " + r.status());
    if (type.equals("application/json")) {
      validate(pointer + "/content/" + escape(type) + "/schema", method, target, r);
    }
  }

  private JsonObject resolve(String pointer) {
    JsonObject node = document;
    for (String part : pointer.substring(2).split("/")) {
      node = node.getJsonObject(part.replace("~1", "/").replace("~0", "~"));
    }
    return node;
  }

  private void validate(String pointer, String method, String target, Api.Response r) {
    Object body;
    try {
      body = new JsonObject(r.body());
    } catch (RuntimeException e) {
      throw new AssertionError(method + " " + target + ": a JSON answer that is not a JSON object: " + r, e);
    }
    Validator validator = validators.computeIfAbsent(pointer, p -> repository.validator(DOCUMENT + p));
    OutputUnit result = validator.validate(body);
    if (!Boolean.TRUE.equals(result.getValid())) {
      StringBuilder errors = new StringBuilder();
      if (result.getErrors() != null) {
        result.getErrors().forEach(e -> errors.append("\n  ").append(e.getInstanceLocation()).append(": ")
            .append(e.getError()).append(" (").append(e.getKeywordLocation()).append(')'));
      }
      throw new AssertionError(method + " " + target + " → " + r.status() + " does not match " + pointer
          + " of /openapi.json:" + errors + "\n" + abbreviated(r.body()));
    }
  }

  private static void require(boolean condition, String method, String target, Api.Response r, String why) {
    if (!condition) {
      throw new AssertionError(method + " " + target + " → " + r.status() + ": " + why + " in /openapi.json\n"
          + abbreviated(r.body()));
    }
  }

  private static String abbreviated(String body) {
    return body == null || body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
  }

  /** The request target's path, as the router matches it (decoded, no query, one trailing '/' ignored). */
  static String path(String target) {
    int query = target.indexOf('?');
    String path = URLDecoder.decode(query < 0 ? target : target.substring(0, query), StandardCharsets.UTF_8);
    return path.length() > 1 && path.endsWith("/") && !path.equals("/docs/") ? path.substring(0, path.length() - 1)
        : path;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
