package app.ecommerce.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * A route outside the envelope (health, readiness, metrics, documents), declared so that the
 * router mounts it and the OpenAPI document describes it from the same declaration.
 *
 * @param mediaType what a 200 answers, e.g. {@code application/json} or {@code text/html}
 * @param responses status → description, 200 included
 * @param schema the JSON Schema of a JSON answer (of every status); null: any JSON object, or the
 *     text of another media type
 */
public record PlainRoute(HttpMethod method, String path, String summary, String mediaType,
                         Map<Integer, String> responses, Handler<RoutingContext> handler, JsonObject schema) {

  public static PlainRoute get(String path, String summary, String mediaType, Map<Integer, String> responses,
                               Handler<RoutingContext> handler) {
    return new PlainRoute(HttpMethod.GET, path, summary, mediaType, responses, handler, null);
  }

  /** This route, its JSON answers described by {@code schema}. */
  public PlainRoute answering(JsonObject schema) {
    return new PlainRoute(method, path, summary, mediaType, responses, handler, schema);
  }
}
