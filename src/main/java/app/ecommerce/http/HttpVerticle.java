package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import app.ecommerce.http.input.Validator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Serves the API: builds the router from the features' {@link RouteModule}s and runs every
 * request through the same steps, in the order API.md §1 fixes: route (404/405), body size (413),
 * authentication (401), role (403), body decoding (400/415), validation (422), then the
 * endpoint's handler, which talks to its service over the event bus.
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
  private HttpServer server;

  /** @param connections the deadlines and cap shared by every instance on this listener */
  public HttpVerticle(String host, int port, List<RouteModule> modules, Authenticator authenticator,
                      RequestMeters meters, ConnectionGuard connections) {
    this.host = host;
    this.port = port;
    this.modules = modules;
    this.authenticator = authenticator;
    this.meters = meters;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    Router router = router(vertx, modules, authenticator, meters);
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
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(meters));
    router.route().handler(HttpVerticle::wellFormedPath);
    // before any body handler (Vert.x wants the body handler first on its own route), and once on
    // a route without a path rather than once per endpoint route
    router.route().handler(RequestInput::keepFormBodiesRaw);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES).setMergeFormAttributes(false);
    List<RouteModule> modules = new ArrayList<>(features);
    modules.add(new ApiDocs(features));
    for (RouteModule module : modules) {
      for (Endpoint endpoint : module.endpoints()) {
        router.route(endpoint.method(), endpoint.path()).handler(body)
            .handler(ctx -> dispatch(endpoint, authenticator, ctx));
        meters.route(endpoint.path());
      }
      for (PlainRoute route : module.plainRoutes()) {
        router.route(route.method(), route.path()).handler(route.handler());
        meters.route(route.path());
      }
      module.mount(router);
      module.mountedPaths().forEach(meters::route);
    }
    FailureHandler.install(router);
    return router;
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

  private static void dispatch(Endpoint endpoint, Authenticator authenticator, RoutingContext ctx) {
    String requestId = RequestLog.id(ctx);
    caller(endpoint, authenticator, ctx, requestId)
        .compose(caller -> {
          if (endpoint.access() == Access.ADMIN && (caller == null || !caller.isAdmin())) {
            throw Errors.forbidden();
          }
          RequestInput.refuseRepeatedHeaders(ctx);
          Map<String, String> problems = new LinkedHashMap<>();
          JsonObject input = Validator.validate(endpoint.fields(), RequestInput.read(ctx), problems);
          if (!endpoint.headers().isEmpty()) {
            Validator.validate(endpoint.headers(), RequestInput.headers(ctx, endpoint.headers()), problems);
          }
          if (problems.isEmpty()) {
            endpoint.checks().forEach(check -> problems.putAll(check.apply(input)));
          }
          if (!problems.isEmpty()) {
            throw Errors.validation(problems);
          }
          return endpoint.handler().handle(new ApiRequest(caller, input, requestId, ctx));
        })
        .onSuccess(reply -> send(endpoint, ctx, reply))
        .onFailure(ctx::fail);
  }

  private static Future<Principal> caller(Endpoint endpoint, Authenticator authenticator, RoutingContext ctx,
                                          String requestId) {
    if (endpoint.access() == Access.PUBLIC) {
      return Future.succeededFuture(null);
    }
    List<String> headers = ctx.request().headers().getAll("Authorization");
    if (headers.size() > 1) {
      // proxies and servers disagree on which of several wins: accept none of them
      return Future.failedFuture(Errors.unauthorized("Send exactly one Authorization header"));
    }
    String header = headers.isEmpty() ? null : headers.get(0);
    if (header == null && endpoint.access() == Access.OPTIONAL) {
      return Future.succeededFuture(null); // anonymous: the customer view
    }
    if (header == null || header.isBlank()) {
      return Future.failedFuture(Errors.unauthorized("Not authenticated"));
    }
    String token = bearerToken(header.strip());
    if (token == null) {
      return Future.failedFuture(Errors.unauthorized("Authorization header must be 'Bearer <token>'"));
    }
    return authenticator.authenticate(token, requestId);
  }

  /** The characters of the regex {@code \s}: what may separate "Bearer" from its token, and nothing else. */
  private static final char[] SPACES = {' ', '\t', '\n', 0x0B, '\f', '\r'};

  /**
   * The token of "Bearer &lt;token&gt;": exactly two words separated by whitespace (the characters of
   * the regex {@code \s}), the first one "Bearer" in any case; else null. Written out because a
   * regex split scanned the whole token for every request. The token itself is searched once per
   * space character with {@link String#indexOf(int, int)}, a JVM intrinsic: a loop over its 300-odd
   * characters took 1.6 µs of every authenticated request (profile, MariaDB get_product), the six
   * searches 0.4.
   */
  static String bearerToken(String header) {
    int gap = 0;
    while (gap < header.length() && !isSpace(header.charAt(gap))) {
      gap++;
    }
    int start = gap;
    while (start < header.length() && isSpace(header.charAt(start))) {
      start++;
    }
    if (gap != 6 || start == header.length() || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
      return null;
    }
    for (char space : SPACES) {
      if (header.indexOf(space, start) >= 0) {
        return null;
      }
    }
    return header.substring(start);
  }

  private static boolean isSpace(char c) {
    for (char space : SPACES) {
      if (c == space) {
        return true;
      }
    }
    return false;
  }

  private static void send(Endpoint endpoint, RoutingContext ctx, Reply reply) {
    if (reply.sent() || ctx.response().ended()) {
      return;
    }
    if (reply.encoded() != null) {
      Envelope.send(ctx.response(), reply.status(), reply.encoded());
      return;
    }
    String message = reply.message() != null ? reply.message() : endpoint.successMessage();
    Envelope.send(ctx.response(), reply.status(), message, reply.data());
  }

  @Override
  public Future<?> stop() {
    // stop accepting, let requests in flight finish (bounded), then close what is left
    return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }
}
