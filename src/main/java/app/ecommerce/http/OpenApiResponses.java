package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response side of {@link OpenApi}'s document: every status an operation can answer, each
 * the envelope of exactly that status with its {@code data} (the endpoint's own schema, declared
 * beside its routes, or the shared error shapes), its headers, and a CSV or other media type
 * where the endpoint declares one.
 */
final class OpenApiResponses {
  static final String SCHEMAS = "#/components/schemas/";
  private static final Map<Integer, String> STANDARD_MESSAGES = Map.ofEntries(
      Map.entry(400, "Request body is not valid JSON"), Map.entry(401, "Not authenticated"),
      Map.entry(403, "Not authorized to access this resource"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request body not received within 30 s"),
      Map.entry(413, "Request body is larger than 1 MiB"),
      Map.entry(415, "Unsupported Content-Type 'text/plain': send application/json or form data"),
      Map.entry(422, "Validation failed"), Map.entry(500, "Internal server error"),
      Map.entry(503, "The database is unavailable; try again shortly"),
      Map.entry(504, Errors.OUTCOME_UNKNOWN));

  private OpenApiResponses() {
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
    statuses.put(405, "This path with a method it does not serve; `Allow` names the ones it does");
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

  /** Every answer of this endpoint, by status. */
  static JsonObject of(Endpoint endpoint) {
    JsonObject responses = new JsonObject();
    statuses(endpoint).forEach((status, description) -> {
      if (status == 405) {
        responses.put("405", OpenApi.ref("responses", "MethodNotAllowed"));
        return;
      }
      JsonObject json = new JsonObject().put("schema", envelope(endpoint, status));
      if (status != 200 && !endpoint.data().containsKey(status)) {
        json.put("example", example(status, STANDARD_MESSAGES.getOrDefault(status, description)));
      }
      JsonObject content = new JsonObject().put("application/json", json);
      if (status == 200) {
        endpoint.otherMedia().forEach((type, schema) -> content.put(type, new JsonObject().put("schema", schema)));
      }
      responses.put(String.valueOf(status), new JsonObject()
          .put("description", description)
          .put("headers", headersOf(status))
          .put("content", content));
    });
    return responses;
  }

  /**
   * The envelope of one status: its own {@code data} where the endpoint declares one (200 always),
   * else the shared error envelopes ({@code {}}, the 422 field map, the 500 request id).
   */
  static JsonObject envelope(Endpoint endpoint, int status) {
    JsonObject data = endpoint.data().get(status);
    if (data != null) {
      return envelopeOf(status, data);
    }
    if (status == 200) {
      throw new IllegalStateException(endpoint.name() + " declares no schema of its answer (Endpoint.answering)");
    }
    return new JsonObject().put("$ref", SCHEMAS + (status == 422 ? "ValidationEnvelope"
        : status == 500 ? "InternalErrorEnvelope" : "ErrorEnvelope"));
  }

  /** The envelope of API.md §1 with this status (null: any) and this {@code data}; no other key. */
  private static JsonObject envelopeOf(Integer status, JsonObject data) {
    JsonObject statusCode = new JsonObject().put("type", "integer").put("description", "= the HTTP status");
    JsonObject success = new JsonObject().put("type", "boolean").put("description", "true exactly for 2xx");
    if (status != null) {
      statusCode.put("const", status);
      success.put("const", status < 300);
    }
    return new JsonObject()
        .put("type", "object")
        .put("required", new JsonArray().add("status_code").add("success").add("message").add("data"))
        .put("properties", new JsonObject()
            .put("status_code", statusCode)
            .put("success", success)
            .put("message", new JsonObject().put("type", "string"))
            .put("data", data))
        .put("additionalProperties", false);
  }

  private static JsonObject example(int status, String message) {
    return new JsonObject().put("status_code", status).put("success", status < 300).put("message", message)
        .put("data", status == 500 ? new JsonObject().put("request_id", "7f3c0a1e-5b9d-4c1e-9a7e-2d1f0c8b6a54")
            : new JsonObject());
  }

  private static JsonObject headersOf(int status) {
    JsonObject headers = new JsonObject().put("X-Request-ID", OpenApi.ref("headers", "RequestId"));
    if (status == 401) {
      headers.put("WWW-Authenticate", OpenApi.ref("headers", "WwwAuthenticate"));
    }
    if (status == 429 || status == 503) {
      headers.put("Retry-After", OpenApi.ref("headers", "RetryAfter"));
    }
    return headers;
  }

  /** The answers of a route outside the envelope, in its media type; a JSON one by its schema. */
  static JsonObject of(PlainRoute route) {
    JsonObject responses = new JsonObject();
    new TreeMap<>(route.responses()).forEach((status, description) -> {
      JsonObject response = new JsonObject().put("description", description).put("headers", headersOf(status));
      if (status == 304) {
        responses.put("304", response); // no body
        return;
      }
      String mediaType = status == 200 ? route.mediaType() : "application/json";
      JsonObject schema = !mediaType.equals("application/json") ? new JsonObject().put("type", "string")
          : route.schema() != null ? route.schema() : new JsonObject().put("type", "object");
      response.put("content", new JsonObject().put(mediaType, new JsonObject().put("schema", schema)));
      responses.put(String.valueOf(status), response);
    });
    responses.put("405", OpenApi.ref("responses", "MethodNotAllowed"));
    return responses;
  }

  /** {@code components/schemas}: the shared error envelopes, then the features' named schemas. */
  static JsonObject schemas(JsonObject named) {
    JsonObject schemas = new JsonObject()
        .put("ErrorEnvelope", envelopeOf(null, Schemas.empty())
            .put("description", "An error: the envelope with `data` = `{}`"))
        .put("ValidationEnvelope", envelopeOf(422, new JsonObject().put("type", "object")
            .put("additionalProperties", new JsonObject().put("type", "string"))
            .put("description", "dotted field path (e.g. items.0.quantity) → message; {} for a refused business rule")))
        .put("InternalErrorEnvelope", envelopeOf(500, Schemas.object("request_id", Schemas.text())));
    new TreeMap<>(named.getMap()).forEach(schemas::put);
    return schemas;
  }

  /** {@code components/responses}: the 405 every operation shares. */
  static JsonObject responses() {
    return new JsonObject().put("MethodNotAllowed", new JsonObject()
        .put("description", "This path with a method it does not serve (`Allow` names the ones it does)")
        .put("headers", new JsonObject().put("X-Request-ID", OpenApi.ref("headers", "RequestId")).put("Allow",
            new JsonObject().put("description", "The path's methods, e.g. `GET, HEAD`")
                .put("schema", new JsonObject().put("type", "string"))))
        .put("content", new JsonObject().put("application/json", new JsonObject()
            .put("schema", new JsonObject().put("$ref", SCHEMAS + "ErrorEnvelope"))
            .put("example", example(405, STANDARD_MESSAGES.get(405))))));
  }

  static JsonObject requestId() {
    return new JsonObject().put("type", "string").put("pattern", "^[A-Za-z0-9._-]{1,128}$");
  }

  /** {@code components/headers}. */
  static JsonObject headers() {
    return new JsonObject()
        .put("RequestId", new JsonObject().put("description", "The request id (echoed or generated)")
            .put("schema", requestId()))
        .put("WwwAuthenticate", new JsonObject()
            .put("description", "RFC 6750: plain Bearer without credentials, invalid_token for a token"
                + " that was presented and refused, invalid_request for malformed Bearer credentials")
            .put("schema", new JsonObject().put("type", "string").put("enum", new JsonArray()
                .add("Bearer").add("Bearer error=\"invalid_token\"").add("Bearer error=\"invalid_request\""))))
        .put("RetryAfter", new JsonObject().put("description", "Seconds to wait before retrying")
            .put("schema", new JsonObject().put("type", "integer").put("minimum", 1)));
  }
}
