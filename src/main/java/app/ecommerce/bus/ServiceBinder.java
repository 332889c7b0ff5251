package app.ecommerce.bus;

import app.ecommerce.db.DbFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceExceptionMessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a service's operations to their event-bus addresses and turns every failure into the
 * {@link ServiceException} the caller will see: the service's own ones unchanged, an unreachable or
 * busy database as 503, anything else as a logged 500 that names the request id.
 */
public final class ServiceBinder {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceBinder.class);

  /**
   * One operation of a service: takes the request body, answers the reply body (a JsonObject,
   * or a Buffer for an answer that is already encoded; both cross a clustered bus).
   */
  @FunctionalInterface
  public interface Operation {
    Future<?> handle(JsonObject request, Message<JsonObject> message);
  }

  private ServiceBinder() {
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
   * @param classify how the service's database names its failures
   * @return a future that completes when every consumer is registered (cluster-wide when clustered)
   */
  public static Future<List<MessageConsumer<JsonObject>>> bind(Vertx vertx, Map<String, Operation> operations,
                                                              Function<Throwable, DbFailure> classify) {
    installCodec(vertx);
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    List<Future<Void>> registered = new ArrayList<>();
    operations.forEach((address, operation) -> {
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, message -> {
        Future<?> reply;
        try {
          reply = operation.handle(message.body() == null ? new JsonObject() : message.body(), message);
        } catch (RuntimeException e) {
          reply = Future.failedFuture(e);
        }
        reply.onComplete(done -> {
          if (done.succeeded()) {
            message.reply(done.result());
          } else {
            message.reply(toServiceException(address, message, done.cause(), classify));
          }
        });
      });
      consumers.add(consumer);
      registered.add(consumer.completion());
    });
    return Future.all(registered).map(all -> consumers);
  }

  static ServiceException toServiceException(String address, Message<?> message, Throwable failure,
                                             Function<Throwable, DbFailure> classify) {
    if (failure instanceof ServiceException e) {
      return e;
    }
    String requestId = message.headers().get(ServiceClient.REQUEST_ID);
    DbFailure kind = classify.apply(failure);
    if (kind == DbFailure.UNAVAILABLE || kind == DbFailure.TRANSIENT) {
      LOG.warn("request_id={} {}: database unavailable: {}", requestId, address, failure.toString());
      return Errors.unavailable("The database is unavailable; try again shortly");
    }
    LOG.error("request_id={} {} failed", requestId, address, failure);
    return Errors.internal();
  }
}
