package app.ecommerce.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;

/** A feature's contribution to the HTTP API; {@code Main} hands the list to the HTTP verticle. */
public interface RouteModule {
  /** The enveloped API endpoints of this feature. */
  List<Endpoint> endpoints();

  /** Documented routes outside the envelope (health, metrics, documents); most modules have none. */
  default List<PlainRoute> plainRoutes() {
    return List.of();
  }

  /**
   * Named JSON Schemas of this feature's answers (a product, a user...), which its endpoints'
   * schemas refer to with {@link Schemas#ref}; the OpenAPI document lists them under
   * {@code components/schemas}, where generated clients take their type names from.
   */
  default Map<String, JsonObject> schemas() {
    return Map.of();
  }

  /** Undocumented extras, such as static assets behind a documented page; most modules have none. */
  default void mount(Router router) {
  }

  /**
   * The request paths that {@link #mount} answers, each of which gets its own route label in the
   * request metrics; a path left out is counted under the unmatched label "".
   */
  default List<String> mountedPaths() {
    return List.of();
  }
}
