package app.ecommerce.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way to call a service: request/reply with a JSON body. When an instance of the service
 * runs on the caller's own event-loop thread (a verticle deployed on every event loop of this
 * node), the operation runs there in place ({@link InPlaceBindings}); otherwise the request goes
 * over the event bus, locally or across the cluster. Either way a service that has no live
 * consumer or does not answer in time becomes a 503, and a service failure arrives as the
 * {@link ServiceException} the service raised. Calls are counted in
 * {@code ecommerce_service_calls_total{address, transport="in_place"|"bus"}}.
 */
public final class ServiceClient {
  /** Delivery header carrying the HTTP request id, so a service's log lines can name it. */
  public static final String REQUEST_ID = "request-id";
  /**
   * The field of a service request body that carries the validated {@code Idempotency-Key} header
   * of a write (absent: the request has none).
   */
  public static final String IDEMPOTENCY_KEY = "idempotency_key";
  /** Header of a part of an answer sent in {@link Parts} that more parts follow. */
  static final String MORE = "more";
  /** The caller's ask for the next part, and its word that it wants no more. */
  static final String NEXT = "next";
  static final String STOP = "stop";

  private final Vertx vertx;
  private final long timeoutMs;
  private final Calls inPlaceCalls;
  private final Calls busCalls;

  public ServiceClient(Vertx vertx, long timeoutMs, MeterRegistry registry) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.inPlaceCalls = new Calls(registry, "in_place");
    this.busCalls = new Calls(registry, "bus");
  }

  /** The call counters of one transport, one per address, made on first use. */
  private static final class Calls {
    private final MeterRegistry registry;
    private final String transport;
    private final Map<String, Counter> byAddress = new ConcurrentHashMap<>();

    Calls(MeterRegistry registry, String transport) {
      this.registry = registry;
      this.transport = transport;
    }

    void count(String address) {
      Counter counter = byAddress.get(address);
      if (counter == null) {
        counter = byAddress.computeIfAbsent(address, a -> Counter.builder("ecommerce.service.calls")
            .description("Service calls by address and transport (in_place: on the caller's own event loop, no bus)")
            .tag("address", a)
            .tag("transport", transport)
            .register(registry));
      }
      counter.increment();
    }
  }

  public Future<JsonObject> request(String address, JsonObject body, String requestId) {
    return request(address, body, requestId, timeoutMs);
  }

  public Future<JsonObject> request(String address, JsonObject body, String requestId, long timeout) {
    return call(address, body, requestId, timeout);
  }

  /** Like {@link #request}, for a service that answers another body type (a Buffer, say). */
  public <T> Future<T> call(String address, JsonObject body, String requestId) {
    return call(address, body, requestId, timeoutMs);
  }

  /** Like {@link #call(String, JsonObject, String)}, within {@code timeout} ms. */
  public <T> Future<T> call(String address, JsonObject body, String requestId, long timeout) {
    InPlaceBindings.Binding here = InPlaceBindings.here(address);
    if (here != null) {
      inPlaceCalls.count(address);
      return here.call(vertx, body, requestId, timeout);
    }
    return overBus(address, body, requestId, timeout);
  }

  /**
   * An answer the service sends in {@link Parts} (always over the bus): the first part arrives
   * within {@code timeout} or the call fails as {@link #call} does; each later one is asked for by
   * {@link Parts#next}, within the same timeout. {@link Parts#abandon} tells the service to stop.
   */
  public Future<Parts> parts(String address, JsonObject body, String requestId, long timeout) {
    return this.<Buffer>message(address, body, requestId, timeout).map(first -> new Parts() {
      private Message<Buffer> current = first;
      private boolean taken;

      @Override
      public Future<Part> next() {
        if (!taken) {
          taken = true;
          return Future.succeededFuture(part(current));
        }
        return current.<Buffer>replyAndRequest(NEXT, new DeliveryOptions().setSendTimeout(timeout))
            .map(message -> {
              current = message;
              return part(message);
            })
            .recover(failure -> Future.failedFuture(asServiceException(address, failure)));
      }

      @Override
      public void abandon() {
        if (current.headers().contains(MORE)) {
          current.reply(STOP);
        }
      }
    });
  }

  private static Parts.Part part(Message<Buffer> message) {
    return new Parts.Part(message.body(), !message.headers().contains(MORE));
  }

  /**
   * Always over the event bus, even when the service runs on this thread: for the readiness
   * checks, which must prove that the bus itself delivers.
   */
  public <T> Future<T> overBus(String address, JsonObject body, String requestId, long timeout) {
    return this.<T>message(address, body, requestId, timeout).map(Message::body);
  }

  private <T> Future<Message<T>> message(String address, JsonObject body, String requestId, long timeout) {
    busCalls.count(address);
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeout);
    if (requestId != null) {
      options.addHeader(REQUEST_ID, requestId);
    }
    return vertx.eventBus().<T>request(address, body, options)
        .recover(failure -> Future.failedFuture(asServiceException(address, failure)));
  }

  static ServiceException timedOut(String address) {
    return Errors.unanswered("Service unavailable: " + address + " did not answer in time");
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
          return timedOut(address);
        default:
          int code = reply.failureCode();
          return code >= 400 && code < 600 ? Errors.of(code, reply.getMessage(), null) : Errors.internal();
      }
    }
    return Errors.internal();
  }
}
