package app.ecommerce.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
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
   * a Buffer for an answer that is already encoded, or {@link Parts} for one sent in parts; all
   * cross a clustered bus). It must not
   * keep the request body nor hand out an answer it keeps and may still change: in place, nothing
   * is copied (a Buffer it never writes again may be handed out to many callers).
   */
  @FunctionalInterface
  public interface Operation {
    Future<?> handle(JsonObject request);
  }

  private ServiceOperations() {
  }

  /**
   * Registers the codecs of the services' replies: the one that lets {@link ServiceException} cross
   * a clustered bus, and {@link HandedOverBuffer} for encoded answers; idempotent.
   */
  public static void installCodec(Vertx vertx) {
    EventBus bus = vertx.eventBus();
    try {
      bus.registerDefaultCodec(ServiceException.class, new ServiceExceptionMessageCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // another verticle of this Vert.x instance did it first
    }
    try {
      bus.registerCodec(new HandedOverBuffer());
    } catch (IllegalStateException alreadyRegistered) {
      // likewise
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
              .onComplete(done -> {
                if (done.succeeded() && done.result() instanceof Parts parts) {
                  sendParts(address, message, message.headers().get(ServiceClient.REQUEST_ID), parts, unavailable,
                      outcomeUnknown);
                } else {
                  reply(message, done.succeeded() ? done.result() : done.cause());
                }
              }));
      InPlaceBindings.bind(vertx, address, consumer,
          (body, requestId) -> answer(address, operation, body, requestId, unavailable, outcomeUnknown));
      consumers.add(consumer);
      registered.add(consumer.completion());
    });
    return Future.all(registered).map(all -> consumers);
  }

  /** A Buffer answer is handed over, not copied, to a caller on this node ({@link HandedOverBuffer}). */
  private static void reply(Message<JsonObject> message, Object answer) {
    if (answer instanceof Buffer) {
      message.reply(answer, new DeliveryOptions().setCodecName(HandedOverBuffer.NAME));
    } else {
      message.reply(answer);
    }
  }

  /**
   * Sends the answer's next part as the reply to {@code asked} (the request, then each of the
   * caller's asks for more): the last part as a plain reply, every other one as a request for the
   * caller's next ask. A part that fails is the caller's failure, mapped as any other; an ask that
   * does not come in time, or a caller's {@link ServiceClient#STOP}, abandons the answer.
   */
  private static void sendParts(String address, Message<?> asked, String requestId, Parts parts,
                                Predicate<Throwable> unavailable, Predicate<Throwable> outcomeUnknown) {
    parts.next().onComplete(done -> {
      if (done.failed()) {
        asked.reply(toServiceException(address, requestId, done.cause(), unavailable, outcomeUnknown));
        return;
      }
      Parts.Part part = done.result();
      DeliveryOptions options = new DeliveryOptions().setCodecName(HandedOverBuffer.NAME);
      if (part.last()) {
        asked.reply(part.data(), options);
        return;
      }
      options.addHeader(ServiceClient.MORE, "true").setSendTimeout(Parts.ASK_TIMEOUT_MS);
      asked.replyAndRequest(part.data(), options).onComplete(ask -> {
        if (ask.failed() || ServiceClient.STOP.equals(ask.result().body())) {
          parts.abandon();
        } else {
          sendParts(address, ask.result(), requestId, parts, unavailable, outcomeUnknown);
        }
      });
    });
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
