package app.ecommerce.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/**
 * The one way to call a service: request/reply on the event bus with a JSON body, locally or
 * across the cluster. A service that has no live consumer or does not answer in time becomes a
 * 503; a service failure arrives as the {@link ServiceException} the service raised.
 */
public final class ServiceClient {
  /** Delivery header carrying the HTTP request id, so a service's log lines can name it. */
  public static final String REQUEST_ID = "request-id";

  private final Vertx vertx;
  private final long timeoutMs;

  public ServiceClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  public Future<JsonObject> request(String address, JsonObject body, String requestId) {
    return request(address, body, requestId, timeoutMs);
  }

  public Future<JsonObject> request(String address, JsonObject body, String requestId, long timeout) {
    return call(address, body, requestId, timeout);
  }

  /** Like {@link #request}, for a service that answers another body type (a Buffer, say). */
  public <T> Future<T> call(String address, JsonObject body, String requestId, long timeout) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeout);
    if (requestId != null) {
      options.addHeader(REQUEST_ID, requestId);
    }
    return vertx.eventBus().<T>request(address, body, options)
        .map(Message::body)
        .recover(failure -> Future.failedFuture(asServiceException(address, failure)));
  }

  static ServiceException asServiceException(String address, Throwable failure) {
    if (failure instanceof ServiceException e) {
      return e;
    }
    if (failure instanceof ReplyException reply) {
      switch (reply.failureType()) {
        case NO_HANDLERS:
          return Errors.unavailable("Service unavailable: nothing is serving " + address + " right now");
        case TIMEOUT:
          return Errors.unavailable("Service unavailable: " + address + " did not answer in time");
        default:
          int code = reply.failureCode();
          return code >= 400 && code < 600 ? Errors.of(code, reply.getMessage(), null) : Errors.internal();
      }
    }
    return Errors.internal();
  }
}
