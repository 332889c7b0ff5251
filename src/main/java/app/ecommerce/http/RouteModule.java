package app.ecommerce.http;

import io.vertx.ext.web.Router;
import java.util.List;

/** A feature's contribution to the HTTP API; {@code Main} hands the list to the HTTP verticle. */
public interface RouteModule {
  /** The enveloped API endpoints of this feature. */
  List<Endpoint> endpoints();

  /** Documented routes outside the envelope (health, metrics, documents); most modules have none. */
  default List<PlainRoute> plainRoutes() {
    return List.of();
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
