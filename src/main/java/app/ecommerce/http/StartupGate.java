package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * Closed while the node waits for its database (API.md §4): every API request then answers 503
 * with Retry-After before anything else is looked at (a token cannot be checked without the
 * database either), and the readiness check {@link #check()} fails. Opened once, when the node's
 * services run. Listed first among the route modules, so that its route precedes the endpoints'.
 */
public final class StartupGate implements RouteModule {
  static final String STARTING = "The service is starting and waits for its database; try again shortly";
  private volatile boolean open;

  public void open() {
    open = true;
  }

  public boolean isOpen() {
    return open;
  }

  /** For /ready: fails while the node has not finished starting. */
  public Future<Void> check() {
    return open ? Future.succeededFuture() : Future.failedFuture(Errors.unavailable(STARTING));
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of();
  }

  @Override
  public void mount(Router router) {
    router.route(Endpoint.PREFIX + "*").handler(ctx -> {
      if (open) {
        ctx.next();
      } else {
        ctx.fail(Errors.unavailable(STARTING));
      }
    });
  }
}
