package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import app.ecommerce.http.input.Field;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of whatever the route modules declare: every {@link Endpoint} with its
 * method, security, parameters or body (from its {@link Field}s, so the document and the validator
 * share one source of rules), the envelope and every status it can answer; and every
 * {@link PlainRoute}. Nothing here is written per endpoint.
 */
public final class OpenApi {
  static final String ENVELOPE = "#/components/schemas/Envelope";
  private static final Map<Integer, String> STANDARD_MESSAGES = Map.ofEntries(
      Map.entry(400, "Request body is not valid JSON"), Map.entry(401, "Not authenticated"),
      Map.entry(403, "Not authorized to access this resource"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request body not received within 30 s"),
      Map.entry(413, "Request body is larger than 1 MiB"),
      Map.entry(415, "Unsupported Content-Type 'text/plain': send application/json or form data"),
      Map.entry(422, "Validation failed"), Map.entry(500, "Internal server error"),
      Map.entry(503, "The database is unavailable; try again shortly"),
      Map.entry(504, Errors.OUTCOME_UNKNOWN));

  private OpenApi() {
  }

  public static JsonObject document(List<RouteModule> modules) {
    JsonObject paths = new JsonObject();
    for (RouteModule module : modules) {
      String tag = tag(module);
      for (Endpoint endpoint : module.endpoints()) {
        operations(paths, endpoint.path()).put(method(endpoint.method()), operation(endpoint, tag));
      }
      for (PlainRoute route : module.plainRoutes()) {
        operations(paths, route.path()).put(method(route.method()), operation(route, tag));
      }
    }
    return new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", new JsonObject()
            .put("title", "E-commerce API")
            .put("version", "1")
            .put("description", String.join("\n\n",
                "Every endpoint answers the JSON envelope `{status_code, success, message, data}` (errors too): "
                    + "`success` is true exactly for 2xx and `status_code` is the HTTP status.",
                "Input is one flat set of fields merged from the query string, then a JSON body, then form data "
                    + "(later sources win); GET requests may carry a JSON body. Unknown fields are ignored. "
                    + "A query value that parses as JSON is taken as that value (`category_ids=[1,2]`); lists also "
                    + "arrive as repeated keys, comma lists and the bracket forms `ids[]=1` and `ids[0]=1` (for a list "
                    + "of objects also `items[0][quantity]=2`); a bracketed name that is not a list field is a 422.",
                "Order of refusals: unknown route 404 / wrong method 405, body larger than 1 MiB 413, "
                    + "authentication 401, role 403, unreadable body 400 (415 for an unsupported content type), "
                    + "validation 422 (`data` maps each dotted field path to its message).",
                "Every response carries `X-Request-ID`: the client's when it sent 1-128 characters of "
                    + "`[A-Za-z0-9._-]`, else a new one; the server's log line for the request names the same id.")))
        .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
        .put("paths", paths)
        .put("components", components());
  }

  private static JsonObject operations(JsonObject paths, String path) {
    if (!paths.containsKey(path)) {
      paths.put(path, new JsonObject());
    }
    return paths.getJsonObject(path);
  }

  private static String method(HttpMethod method) {
    return method.name().toLowerCase(Locale.ROOT);
  }

  /** AuthRoutes → Auth, CatalogRoutes → Catalog. */
  private static String tag(RouteModule module) {
    String name = module.getClass().getSimpleName();
    return name.endsWith("Routes") && name.length() > "Routes".length()
        ? name.substring(0, name.length() - "Routes".length()) : name;
  }

  private static JsonObject operation(Endpoint endpoint, String tag) {
    JsonObject op = new JsonObject()
        .put("operationId", endpoint.name())
        .put("summary", endpoint.summary())
        .put("tags", new JsonArray().add(tag))
        .put("description", access(endpoint.access()));
    JsonArray security = new JsonArray();
    if (endpoint.access() == Access.OPTIONAL) {
      security.add(new JsonObject()); // OpenAPI's spelling of "or no token at all"
    }
    if (endpoint.access() != Access.PUBLIC) {
      security.add(new JsonObject().put("bearerAuth", new JsonArray()));
    }
    op.put("security", security);
    JsonArray parameters = new JsonArray().add(new JsonObject().put("$ref", "#/components/parameters/RequestId"));
    for (Field header : endpoint.headers()) {
      parameters.add(parameter(header, "header"));
    }
    if (endpoint.method() == HttpMethod.GET || endpoint.method() == HttpMethod.DELETE) {
      for (Field field : endpoint.fields()) {
        parameters.add(parameter(field, "query"));
      }
    } else if (!endpoint.fields().isEmpty()) {
      op.put("requestBody", requestBody(endpoint.fields()));
    }
    op.put("parameters", parameters);
    op.put("responses", responses(endpoint));
    return op;
  }

  private static String access(Access access) {
    switch (access) {
      case PUBLIC:
        return "Public: no token needed.";
      case OPTIONAL:
        return "Public: no token needed; without one the caller gets the customer view (active products, UTC). "
            + "A token that is sent must be valid: a forged, expired or revoked one is a 401.";
      case SIGNED_IN:
        return "Any signed-in user (customer or admin): send `Authorization: Bearer <token>` from login_user.";
      default:
        return "Admins only: send an admin's `Authorization: Bearer <token>`; a customer gets 403.";
    }
  }

  /**
   * A field as a parameter: its schema as the validator applies it, except that text cannot
   * carry a JSON null (a query's {@code buckets=null} is the text "null", which is refused), so
   * a query or header parameter offers none. Lists are repeated keys; the bracket forms the
   * server reads too are not OpenAPI styles, so the description names them.
   */
  private static JsonObject parameter(Field field, String in) {
    JsonObject schema = textual(field.schema());
    JsonObject p = new JsonObject().put("name", field.name()).put("in", in).put("required", field.required())
        .put("schema", schema);
    String description = field.description();
    if (field.isList()) {
      p.put("style", "form").put("explode", true);
      description = (description == null ? "" : description + ". ") + "Also read: " + field.name() + "=1,2, "
          + field.name() + "=[1,2], " + field.name() + "[]=1&" + field.name() + "[]=2 and " + field.name() + "[0]=1";
    }
    if (description != null) {
      p.put("description", description);
    }
    return p;
  }

  /**
   * The body of a write: the same object as JSON, as a url-encoded form and as multipart form data
   * (API.md §1 merges all three). In a form every value is text, so nothing offers a null; a list
   * of objects is a JSON text in one field.
   */
  private static JsonObject requestBody(List<Field> fields) {
    JsonObject form = textual(Field.objectSchema(fields));
    JsonObject encoding = new JsonObject();
    for (Field field : fields) {
      if (field.type() == Field.Type.OBJECT_LIST) {
        encoding.put(field.name(), new JsonObject().put("contentType", "application/json"));
      } else if (field.isList()) {
        encoding.put(field.name(), new JsonObject().put("style", "form").put("explode", true));
      }
    }
    JsonObject formMedia = new JsonObject().put("schema", form);
    if (!encoding.isEmpty()) {
      formMedia.put("encoding", encoding);
    }
    return new JsonObject()
        .put("required", fields.stream().anyMatch(Field::required))
        .put("content", new JsonObject()
            .put("application/json", new JsonObject().put("schema", Field.objectSchema(fields)))
            .put("application/x-www-form-urlencoded", formMedia)
            .put("multipart/form-data", formMedia.copy()));
  }

  /** The schema without the JSON null that text cannot carry (types, enums, defaults, anyOf branches). */
  static JsonObject textual(JsonObject schema) {
    JsonObject copy = schema.copy();
    if (copy.getValue("type") instanceof JsonArray types) {
      types.remove("null");
      copy.put("type", types.size() == 1 ? types.getValue(0) : types);
    }
    if (copy.getValue("enum") instanceof JsonArray values) {
      values.getList().removeIf(v -> v == null);
    }
    if (copy.containsKey("default") && copy.getValue("default") == null) {
      copy.remove("default");
    }
    if (copy.getValue("anyOf") instanceof JsonArray branches) {
      branches.getList().removeIf(b -> b instanceof java.util.Map<?, ?> m && "null".equals(m.get("type"))
          || b instanceof JsonObject o && "null".equals(o.getValue("type")));
    }
    if (copy.getValue("properties") instanceof JsonObject properties) {
      for (String name : properties.fieldNames()) {
        properties.put(name, textual(properties.getJsonObject(name)));
      }
    }
    return copy;
  }

  /** Statuses any endpoint of this shape can answer, then the endpoint's own outcomes. */
  static Map<Integer, String> statuses(Endpoint endpoint) {
    Map<Integer, String> statuses = new TreeMap<>();
    statuses.put(200, endpoint.successMessage());
    statuses.put(400, "The body is not valid JSON, not a JSON object, or an unreadable form; or a header that must be"
        + " single (Content-Type, Content-Length, Idempotency-Key) was sent twice");
    if (endpoint.access() != Access.PUBLIC) {
      statuses.put(401, "Missing, malformed, expired, forged or revoked token");
    }
    if (endpoint.access() == Access.ADMIN) {
      statuses.put(403, "The caller is not an admin");
    }
    statuses.put(408, "The request's headers (10 s) or body (30 s) did not arrive in time; the connection is then closed");
    statuses.put(413, "Body larger than 1 MiB");
    statuses.put(415, "A body of a content type other than JSON or form data");
    if (!endpoint.fields().isEmpty() || !endpoint.headers().isEmpty() || !endpoint.checks().isEmpty()) {
      statuses.put(422, "Validation failed: `data` maps each dotted field path to its message");
    }
    statuses.put(500, "A bug: the message is generic and `data` holds only the request id");
    statuses.put(503, "The database or the service is unreachable or overloaded, or the node is still starting;"
        + " nothing was written; retry after `Retry-After` seconds");
    if (endpoint.writes()) {
      statuses.put(504, "Outcome unknown: the commit was sent but not confirmed in time; retry with the same"
          + " Idempotency-Key, which answers with what really happened, or check get_purchases");
    }
    endpoint.outcomes().forEach((status, when) -> statuses.merge(status, when, (common, own) -> common + "; or: " + own));
    return statuses;
  }

  private static JsonObject responses(Endpoint endpoint) {
    JsonObject responses = new JsonObject();
    statuses(endpoint).forEach((status, description) -> {
      String message = status == 200 ? endpoint.successMessage() : STANDARD_MESSAGES.getOrDefault(status, description);
      String schema = status == 422 ? "#/components/schemas/ValidationEnvelope"
          : status == 500 ? "#/components/schemas/ErrorEnvelope" : ENVELOPE;
      JsonObject example = new JsonObject().put("status_code", status).put("success", status < 300)
          .put("message", message).put("data", new JsonObject());
      JsonObject headers = new JsonObject().put("X-Request-ID", ref("headers", "RequestId"));
      if (status == 401) {
        headers.put("WWW-Authenticate", ref("headers", "WwwAuthenticate"));
      }
      if (status == 429 || status == 503) {
        headers.put("Retry-After", ref("headers", "RetryAfter"));
      }
      responses.put(String.valueOf(status), new JsonObject()
          .put("description", description)
          .put("headers", headers)
          .put("content", new JsonObject().put("application/json", new JsonObject()
              .put("schema", new JsonObject().put("$ref", schema)).put("example", example))));
    });
    return responses;
  }

  private static JsonObject operation(PlainRoute route, String tag) {
    JsonObject responses = new JsonObject();
    new TreeMap<>(route.responses()).forEach((status, description) -> {
      JsonObject response = new JsonObject().put("description", description)
          .put("headers", new JsonObject().put("X-Request-ID", ref("headers", "RequestId")));
      String mediaType = status == 200 ? route.mediaType() : "application/json";
      JsonObject schema = mediaType.equals("application/json") ? new JsonObject().put("type", "object")
          : new JsonObject().put("type", "string");
      response.put("content", new JsonObject().put(mediaType, new JsonObject().put("schema", schema)));
      responses.put(String.valueOf(status), response);
    });
    return new JsonObject()
        .put("operationId", route.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", ""))
        .put("summary", route.summary())
        .put("tags", new JsonArray().add(tag))
        .put("security", new JsonArray())
        .put("responses", responses);
  }

  private static JsonObject ref(String kind, String name) {
    return new JsonObject().put("$ref", "#/components/" + kind + "/" + name);
  }

  private static JsonObject components() {
    JsonObject envelope = new JsonObject()
        .put("type", "object")
        .put("description", "The one response shape, keys in this order")
        .put("required", new JsonArray().add("status_code").add("success").add("message").add("data"))
        .put("properties", new JsonObject()
            .put("status_code", new JsonObject().put("type", "integer").put("description", "= the HTTP status"))
            .put("success", new JsonObject().put("type", "boolean").put("description", "true exactly for 2xx"))
            .put("message", new JsonObject().put("type", "string"))
            .put("data", new JsonObject().put("type", "object")));
    JsonObject validation = new JsonObject().put("allOf", new JsonArray().add(new JsonObject().put("$ref", ENVELOPE))
        .add(new JsonObject().put("properties", new JsonObject().put("data", new JsonObject()
            .put("type", "object").put("additionalProperties", new JsonObject().put("type", "string"))
            .put("description", "dotted field path (e.g. items.0.quantity) → message; {} for a refused business rule")))));
    JsonObject error = new JsonObject().put("allOf", new JsonArray().add(new JsonObject().put("$ref", ENVELOPE))
        .add(new JsonObject().put("properties", new JsonObject().put("data", new JsonObject()
            .put("type", "object").put("properties", new JsonObject()
                .put("request_id", new JsonObject().put("type", "string")))))));
    JsonObject requestIdSchema = new JsonObject().put("type", "string").put("pattern", "^[A-Za-z0-9._-]{1,128}$");
    JsonObject errorResponses = new JsonObject();
    for (int status : new int[] {404, 405}) {
      errorResponses.put(status == 404 ? "NotFound" : "MethodNotAllowed", new JsonObject()
          .put("description", status == 404 ? "Unknown route (any path not listed here)"
              : "Known route, wrong method (any method not listed for a path)")
          .put("content", new JsonObject().put("application/json", new JsonObject()
              .put("schema", new JsonObject().put("$ref", ENVELOPE))
              .put("example", new JsonObject().put("status_code", status).put("success", false)
                  .put("message", STANDARD_MESSAGES.get(status)).put("data", new JsonObject())))));
    }
    return new JsonObject()
        .put("securitySchemes", new JsonObject().put("bearerAuth", new JsonObject()
            .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
            .put("description", "The access_token of login_user")))
        .put("schemas", new JsonObject().put("Envelope", envelope).put("ValidationEnvelope", validation)
            .put("ErrorEnvelope", error))
        .put("responses", errorResponses)
        .put("parameters", new JsonObject().put("RequestId", new JsonObject()
            .put("name", RequestLog.HEADER).put("in", "header").put("required", false)
            .put("description", "Echoed in the response and the server's log line when valid; generated otherwise")
            .put("schema", requestIdSchema)))
        .put("headers", new JsonObject()
            .put("RequestId", new JsonObject().put("description", "The request id (echoed or generated)")
                .put("schema", requestIdSchema))
            .put("WwwAuthenticate", new JsonObject()
                .put("description", "RFC 6750: plain Bearer without credentials, invalid_token for a token"
                    + " that was presented and refused, invalid_request for malformed Bearer credentials")
                .put("schema", new JsonObject().put("type", "string").put("enum", new JsonArray()
                    .add("Bearer").add("Bearer error=\"invalid_token\"").add("Bearer error=\"invalid_request\""))))
            .put("RetryAfter", new JsonObject().put("description", "Seconds to wait before retrying")
                .put("schema", new JsonObject().put("type", "integer").put("minimum", 1))));
  }
}
