package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.validation.BadRequestException;
import io.vertx.serviceproxy.ServiceException;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: a {@link ServiceException} keeps its status,
 * message and data; router statuses (404, 405, 413, 400) get their standard message; anything
 * else is a 500 whose body names only the request id, which the log line names too.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private final Router router;

  private FailureHandler(Router router) {
    this.router = router;
  }

  /** Makes this the failure handler of every route of {@code router} and of its router-level errors. */
  static void install(Router router) {
    FailureHandler failures = new FailureHandler(router);
    router.route().failureHandler(failures);
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      router.errorHandler(status, failures);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    if (response.closed() || ctx.failure() instanceof HttpClosedException) {
      // the client went away mid-request: nobody to answer, and no bug; the access line says so
      LOG.debug("request_id={} the client closed the connection: {}", RequestLog.id(ctx), String.valueOf(ctx.failure()));
      return;
    }
    if (response.headWritten()) {
      // a streamed response failed half-way: the only honest signal left is to cut it short
      LOG.warn("request_id={} failed after the response had started: {}", RequestLog.id(ctx), String.valueOf(ctx.failure()));
      response.reset();
      return;
    }
    ServiceException error = toServiceException(ctx);
    int status = error.failureCode();
    var data = Errors.dataOf(error);
    if (status >= 500 && status != 503) {
      data = data.copy().put("request_id", RequestLog.id(ctx));
    }
    if (status == 401) {
      response.putHeader("WWW-Authenticate", BearerToken.challenge(ctx));
    }
    if (status == 405) {
      response.putHeader("Allow", allowed(router, ctx.normalizedPath()));
    }
    if (status == 408) {
      response.putHeader("Connection", "close"); // the connection watch closes it once this is written
    }
    Long retryAfter = Errors.retryAfterOf(error);
    if (retryAfter != null && (status == 429 || status == 503)) {
      response.putHeader("Retry-After", String.valueOf(retryAfter));
    }
    Envelope.send(response, status, error.getMessage(), data);
  }

  /**
   * A request the HTTP codec could not read (request line or headers over the limit, not HTTP at
   * all) never reaches the router; it is answered in the envelope too, then the server closes
   * the connection.
   */
  public static void invalidRequest(HttpServerRequest request) {
    String id = RequestLog.begin(request);
    Throwable cause = request.decoderResult().cause();
    ServiceException error;
    if (cause instanceof ConnectionWatch.UnsupportedVersion) {
      error = Errors.of(505, "HTTP version not supported: send HTTP/1.1", null);
    } else if (cause instanceof TooLongHttpLineException) {
      error = Errors.of(414, "Request line is too long", null);
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = Errors.of(431, "Request header fields are too large", null);
    } else {
      error = Errors.badRequest("Bad request");
    }
    LOG.info("request_id={} unreadable HTTP request: {}", id, String.valueOf(cause));
    Envelope.send(request.response(), error.failureCode(), error.getMessage(), Errors.dataOf(error));
  }

  /**
   * The methods of the routes of this path (RFC 9110 §15.5.6), from the router itself: the router
   * hands its 405 to this handler rather than answering it with its own {@code Allow}.
   */
  static String allowed(Router router, String path) {
    Set<String> methods = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() != null && route.methods() != null && samePath(route.getPath(), path)) {
        route.methods().forEach(method -> methods.add(method.name()));
      }
    }
    return String.join(", ", methods);
  }

  /** A route path against a request path: {@code :name} stands for one segment; a trailing '/' is the same route. */
  private static boolean samePath(String routePath, String path) {
    String[] want = strip(routePath).split("/", -1);
    String[] have = strip(path).split("/", -1);
    if (want.length != have.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!want[i].startsWith(":") && !want[i].equals(have[i])) {
        return false;
      }
    }
    return true;
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static ServiceException toServiceException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ServiceException e) {
      return e;
    }
    if (failure instanceof BadRequestException refused) {
      return EndpointDispatch.refusal(ctx, refused); // vertx-web-validation refused a declared header
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    // a 4xx given with a cause (the body handler's ctx.fail(400, cause) for an undecodable form)
    // is the client's fault, not a bug
    if (failure == null || failure instanceof HttpException || (status >= 400 && status < 500)) {
      switch (status) {
        case 400:
          return Errors.badRequest("Bad request");
        case 404:
          return Errors.notFound("Not Found");
        case 405:
          return Errors.of(405, "Method Not Allowed", null);
        case 413:
          return Errors.of(413, "Request body is larger than 1 MiB", null);
        case 503:
          return Errors.unavailable("Service unavailable");
        default:
          if (status >= 400 && status < 500) {
            return Errors.of(status, "Request refused", null);
          }
          break;
      }
    }
    LOG.error("request_id={} {} {} failed", RequestLog.id(ctx), ctx.request().method(), ctx.request().path(), failure);
    return Errors.internal();
  }
}
