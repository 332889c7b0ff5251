package app.ecommerce.http;

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
 * share one source of rules) and every status it can answer ({@link OpenApiResponses}); and every
 * {@link PlainRoute}. Nothing here is written per endpoint.
 */
public final class OpenApi {
  private static final Map<String, String> TAG_DESCRIPTIONS = Map.of(
      "Auth", "Accounts: registration, tokens, the caller's own account, and (admins) every user",
      "Catalog", "Categories, products, stock and its ledger, purchases and their history",
      "Sales", "Sales and revenue analytics (admins)",
      "Operational", "Liveness and readiness probes, outside the envelope",
      "ApiDocs", "This document and Swagger UI on it");

  private OpenApi() {
  }

  public static JsonObject document(List<RouteModule> modules) {
    JsonObject paths = new JsonObject();
    JsonObject named = new JsonObject();
    Map<String, String> tags = new TreeMap<>();
    for (RouteModule module : modules) {
      String tag = tag(module);
      module.schemas().forEach(named::put);
      for (Endpoint endpoint : module.endpoints()) {
        operations(paths, endpoint.path()).put(method(endpoint.method()), operation(endpoint, tag));
      }
      for (PlainRoute route : module.plainRoutes()) {
        operations(paths, route.path()).put(method(route.method()), operation(route, tag));
      }
      if (!module.endpoints().isEmpty() || !module.plainRoutes().isEmpty()) {
        tags.put(tag, TAG_DESCRIPTIONS.getOrDefault(tag, "The " + tag + " routes"));
      }
    }
    JsonArray tagList = new JsonArray();
    tags.forEach((name, description) -> tagList.add(new JsonObject().put("name", name).put("description", description)));
    return new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", new JsonObject()
            .put("title", "E-commerce API")
            .put("version", "1")
            .put("license", new JsonObject().put("name", "Proprietary").put("identifier", "LicenseRef-Proprietary"))
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
                    + "`[A-Za-z0-9._-]`, else a new one; the server's log line for the request names the same id.",
                "Every GET route also answers HEAD (the same status and headers, no body). A 405 names the "
                    + "path's methods in `Allow`. Browsers on other origins are answered only for the origins of "
                    + "`CORS_ALLOWED_ORIGINS`.",
                "Money is an exact decimal string with two decimals (`\"1499.99\"`); times are ISO-8601 with the "
                    + "offset of the caller's zone.")))
        .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
        .put("tags", tagList)
        .put("paths", paths)
        .put("components", components(named));
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
    op.put("responses", OpenApiResponses.of(endpoint));
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

  private static JsonObject operation(PlainRoute route, String tag) {
    return new JsonObject()
        .put("operationId", operationId(route))
        .put("summary", route.summary())
        .put("tags", new JsonArray().add(tag))
        .put("security", new JsonArray())
        .put("responses", OpenApiResponses.of(route));
  }

  /** /health → health, /openapi.json → openapi_json, / → root, /admin/ → admin. */
  private static String operationId(PlainRoute route) {
    String id = route.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    return id.isEmpty() ? "root" : id;
  }

  static JsonObject ref(String kind, String name) {
    return new JsonObject().put("$ref", "#/components/" + kind + "/" + name);
  }

  private static JsonObject components(JsonObject named) {
    return new JsonObject()
        .put("securitySchemes", new JsonObject().put("bearerAuth", new JsonObject()
            .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
            .put("description", "The access_token of login_user")))
        .put("schemas", OpenApiResponses.schemas(named))
        .put("responses", OpenApiResponses.responses())
        .put("parameters", new JsonObject().put("RequestId", new JsonObject()
            .put("name", RequestLog.HEADER).put("in", "header").put("required", false)
            .put("description", "Echoed in the response and the server's log line when valid; generated otherwise")
            .put("schema", OpenApiResponses.requestId())))
        .put("headers", OpenApiResponses.headers());
  }

}
