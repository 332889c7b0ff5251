package app.ecommerce.http;

import io.vertx.ext.web.Router;
import java.util.List;

/** A feature's contribution to the HTTP API; {@code Main} hands the list to the HTTP verticle. */
public interface RouteModule {
  /** The enveloped API endpoints of this feature. */
  List<Endpoint> endpoints();

  /** Routes outside the envelope (health, metrics, documents); most modules have none. */
  default void mount(Router router) {
  }
}
