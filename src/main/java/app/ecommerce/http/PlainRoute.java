package app.ecommerce.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * A route outside the envelope (health, readiness, metrics, documents), declared so that the
 * router mounts it and the OpenAPI document describes it from the same declaration.
 *
 * @param mediaType what a 200 answers, e.g. {@code application/json} or {@code text/html}
 * @param responses status → description, 200 included
 */
public record PlainRoute(HttpMethod method, String path, String summary, String mediaType,
                         Map<Integer, String> responses, Handler<RoutingContext> handler) {

  public static PlainRoute get(String path, String summary, String mediaType, Map<Integer, String> responses,
                               Handler<RoutingContext> handler) {
    return new PlainRoute(HttpMethod.GET, path, summary, mediaType, responses, handler);
  }
}
