package app.ecommerce.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceExceptionMessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a service's operations to their event-bus addresses and turns every failure into the
 * {@link ServiceException} the caller will see: the service's own ones unchanged, an unreachable or
 * busy database as 503, anything else as a logged 500 that names the request id. An event-loop
 * verticle's operations are also bound in place for callers on its own thread
 * ({@link InPlaceBindings}); both ways run the same {@link #answer}.
 */
public final class ServiceOperations {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceOperations.class);

  /**
   * One operation of a service: takes the request body, answers the reply body (a JsonObject,
   * or a Buffer for an answer that is already encoded; both cross a clustered bus). It must not
   * keep the request body nor hand out an answer it keeps: in place, nothing is copied.
   */
  @FunctionalInterface
  public interface Operation {
    Future<?> handle(JsonObject request);
  }

  private ServiceOperations() {
  }

  /** Registers the codec that lets {@link ServiceException} cross a clustered bus; idempotent. */
  public static void installCodec(Vertx vertx) {
    EventBus bus = vertx.eventBus();
    try {
      bus.registerDefaultCodec(ServiceException.class, new ServiceExceptionMessageCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // another verticle of this Vert.x instance did it first
    }
  }

  /**
   * @param unavailable which failures mean that the service's database cannot answer now (503, not
   *     500); handed in by the service, so that the bus knows nothing of databases
   * @param outcomeUnknown which failures mean that a write's commit was sent but not confirmed (504)
   * @return a future that completes when every consumer is registered (cluster-wide when clustered)
   */
  public static Future<List<MessageConsumer<JsonObject>>> bind(Vertx vertx, Map<String, Operation> operations,
                                                              Predicate<Throwable> unavailable,
                                                              Predicate<Throwable> outcomeUnknown) {
    installCodec(vertx);
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    List<Future<Void>> registered = new ArrayList<>();
    operations.forEach((address, operation) -> {
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, message ->
          answer(address, operation, message.body(), message.headers().get(ServiceClient.REQUEST_ID), unavailable,
              outcomeUnknown)
              .onComplete(done -> message.reply(done.succeeded() ? done.result() : done.cause())));
      InPlaceBindings.bind(vertx, address, consumer,
          (body, requestId) -> answer(address, operation, body, requestId, unavailable, outcomeUnknown));
      consumers.add(consumer);
      registered.add(consumer.completion());
    });
    return Future.all(registered).map(all -> consumers);
  }

  /** Runs one operation; its failure, thrown or returned, becomes the caller's ServiceException. */
  private static Future<Object> answer(String address, Operation operation, JsonObject body, String requestId,
                                       Predicate<Throwable> unavailable, Predicate<Throwable> outcomeUnknown) {
    Future<Object> reply;
    try {
      @SuppressWarnings("unchecked")
      Future<Object> handled = (Future<Object>) operation.handle(body == null ? new JsonObject() : body);
      reply = handled;
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    return reply.recover(failure -> Future.failedFuture(toServiceException(address, requestId, failure, unavailable,
        outcomeUnknown)));
  }

  static ServiceException toServiceException(String address, String requestId, Throwable failure,
                                             Predicate<Throwable> unavailable, Predicate<Throwable> outcomeUnknown) {
    if (failure instanceof ServiceException e) {
      return e;
    }
    if (outcomeUnknown.test(failure)) {
      LOG.warn("request_id={} {}: outcome unknown: {}", requestId, address, failure.toString());
      return Errors.outcomeUnknown();
    }
    if (unavailable.test(failure)) {
      LOG.warn("request_id={} {}: database unavailable: {}", requestId, address, failure.toString());
      return Errors.unavailable("The database is unavailable; try again shortly");
    }
    LOG.error("request_id={} {} failed", requestId, address, failure);
    return Errors.internal();
  }
}
