package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.serviceproxy.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: a {@link ServiceException} keeps its status,
 * message and data; router statuses (404, 405, 413, 400) get their standard message; anything
 * else is a 500 whose body names only the request id, which the log line names too.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
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
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    Long retryAfter = Errors.retryAfterOf(error);
    if (retryAfter != null && (status == 429 || status == 503)) {
      response.putHeader("Retry-After", String.valueOf(retryAfter));
    }
    Envelope.send(response, status, error.getMessage(), data);
  }

  private static ServiceException toServiceException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ServiceException e) {
      return e;
    }
    if (failure == null || failure instanceof io.vertx.ext.web.handler.HttpException) {
      int status = failure == null ? ctx.statusCode()
          : ((io.vertx.ext.web.handler.HttpException) failure).getStatusCode();
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
