package app.ecommerce.support;

import app.ecommerce.Main;
import app.ecommerce.http.Endpoint;
import app.ecommerce.metrics.Metrics;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API endpoints as the route modules that {@link Main} serves declare them (method, access,
 * {@code Field} rules), so that table-driven tests follow the router instead of a hand-kept list.
 */
public final class Routes {
  private Routes() {
  }

  /** name → endpoint, in declaration order. Handlers are never called: the service client is null. */
  public static Map<String, Endpoint> endpoints() {
    Map<String, Endpoint> byName = new LinkedHashMap<>();
    Main.routeModules(null, null, new Metrics(), JsonObject::new)
        .forEach(m -> m.endpoints().forEach(e -> byName.put(e.name(), e)));
    return byName;
  }
}
