package app.ecommerce.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The management listener ({@code MANAGEMENT_HOST}:{@code MANAGEMENT_PORT}, API.md §4):
 * {@code /metrics}, {@code /health} and {@code /ready}, for scrapers and probes, never on the
 * public API port. Runs on every node, whatever verticles it runs, so that each node can be
 * scraped; same request ids, access lines, envelope and connection deadlines as the API port.
 */
public final class ManagementVerticle extends VerticleBase {
  /** Scrapers and probes need few connections; a cap of its own keeps a flood of the API port away. */
  public static final int MAX_CONNECTIONS = 64;

  private final String host;
  private final int port;
  private final RouteModule routes;
  private final RequestMeters meters;
  private final ConnectionGuard connections;
  private HttpServer server;

  public ManagementVerticle(String host, int port, RouteModule routes, RequestMeters meters,
                            ConnectionGuard connections) {
    this.host = host;
    this.port = port;
    this.routes = routes;
    this.meters = meters;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(meters));
    for (PlainRoute route : routes.plainRoutes()) {
      HttpVerticle.withHead(router.route(route.path()), route.method()).handler(route.handler());
      meters.route(route.path());
    }
    FailureHandler.install(router);
    server = vertx.createHttpServer(HttpVerticle.options(host, port));
    return HttpVerticle.serve(server, router, meters, connections).listen();
  }

  /** The port it listens on (the one the system chose when {@code MANAGEMENT_PORT} is 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
