package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import app.ecommerce.http.input.InputSchema;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.json.schema.SchemaRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serves the API: builds the router from the features' {@link RouteModule}s (route: 404/405, body
 * size: 413) and hands every endpoint's requests to an {@link EndpointDispatch}, which runs the
 * rest of API.md §1's steps and the endpoint's handler.
 */
public final class HttpVerticle extends VerticleBase {
  public static final int MAX_BODY_BYTES = 1024 * 1024;
  static final long SHUTDOWN_GRACE_SECONDS = 20;

  private final String host;
  private final int port;
  private final List<RouteModule> modules;
  private final Authenticator authenticator;
  private final RequestMeters meters;
  private final ConnectionGuard connections;
  private final List<String> corsOrigins;
  private HttpServer server;

  /**
   * @param connections the deadlines and cap shared by every instance on this listener
   * @param corsOrigins the origins allowed to call the API from a browser ({@code CORS_ALLOWED_ORIGINS})
   */
  public HttpVerticle(String host, int port, List<RouteModule> modules, Authenticator authenticator,
                      RequestMeters meters, ConnectionGuard connections, List<String> corsOrigins) {
    this.host = host;
    this.port = port;
    this.modules = modules;
    this.authenticator = authenticator;
    this.meters = meters;
    this.connections = connections;
    this.corsOrigins = corsOrigins;
  }

  @Override
  public Future<?> start() {
    Router router = router(vertx, modules, authenticator, meters, corsOrigins);
    server = vertx.createHttpServer(options(host, port).setCompressionSupported(true)
        .setMaxFormAttributeSize(MAX_BODY_BYTES));
    return serve(server, router, meters, connections).listen();
  }

  /**
   * Options every listener shares. HTTP/2 over cleartext is off: its upgrade handler answered a
   * malformed upgrade with a bare 400, outside the envelope, and nothing here needs HTTP/2; an
   * upgrade request is simply served over HTTP/1.1.
   */
  static HttpServerOptions options(String host, int port) {
    return new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false);
  }

  /** The handlers every listener shares: the router, the envelope for unreadable requests, the guard. */
  static HttpServer serve(HttpServer server, Router router, RequestMeters meters, ConnectionGuard connections) {
    return server.requestHandler(router).invalidRequestHandler(request -> {
      long start = System.nanoTime();
      FailureHandler.invalidRequest(request);
      meters.record(request.method().name(), null, request.response().getStatusCode(), System.nanoTime() - start);
    }).connectionHandler(connections::install);
  }

  /**
   * The router of one HTTP verticle: every module's endpoints and plain routes, the OpenAPI
   * document and Swagger UI generated from them, and the one failure handler. Public so that
   * tests can compare it with the document it serves.
   */
  public static Router router(Vertx vertx, List<RouteModule> features, Authenticator authenticator,
                              RequestMeters meters) {
    return router(vertx, features, authenticator, meters, List.of());
  }

  /** The router, answering cross-origin calls from these origins (none: no CORS header at all). */
  public static Router router(Vertx vertx, List<RouteModule> features, Authenticator authenticator,
                              RequestMeters meters, List<String> corsOrigins) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(meters));
    Handler<RoutingContext> cors = Cors.forOrigins(corsOrigins);
    if (cors != null) {
      router.route().handler(cors); // before the gate and the routes: a preflight needs neither
    }
    router.route().handler(HttpVerticle::wellFormedPath);
    // before any body handler (Vert.x wants the body handler first on its own route), and once on
    // a route without a path rather than once per endpoint route
    router.route().handler(RequestInput::keepFormBodiesRaw);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES).setMergeFormAttributes(false);
    List<RouteModule> modules = new ArrayList<>(features);
    modules.add(new ApiDocs(features));
    SchemaRepository schemas = InputSchema.repository();
    for (RouteModule module : modules) {
      for (Endpoint endpoint : module.endpoints()) {
        Route route = withHead(router.route(endpoint.path()), endpoint.method()).handler(body);
        new EndpointDispatch(endpoint, authenticator).handlers(schemas).forEach(route::handler);
        meters.route(endpoint.path());
      }
      for (PlainRoute route : module.plainRoutes()) {
        withHead(router.route(route.path()), route.method()).handler(route.handler());
        meters.route(route.path());
      }
      module.mount(router);
      module.mountedPaths().forEach(meters::route);
    }
    FailureHandler.install(router);
    return router;
  }

  /**
   * A GET route answers HEAD too (RFC 9110 §9.3.2): the same handler, whose body Vert.x leaves
   * unsent for a HEAD request while keeping its headers and Content-Length.
   */
  static Route withHead(Route route, HttpMethod method) {
    route.method(method);
    return method == HttpMethod.GET ? route.method(HttpMethod.HEAD) : route;
  }

  /**
   * A bad escape in the path must be the client's 400: left to the router, which decodes the path
   * to match routes, it ended as a 500. This runs before any route with a path is matched.
   */
  private static void wellFormedPath(RoutingContext ctx) {
    if (!UrlEncoded.wellFormedPath(ctx.request().path())) {
      ctx.fail(Errors.badRequest("The request path is malformed"));
      return;
    }
    ctx.next();
  }

  @Override
  public Future<?> stop() {
    // stop accepting, let requests in flight finish (bounded), then close what is left
    return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }
}
