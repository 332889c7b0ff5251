package app.ecommerce.bus;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The service operations bound by a verticle instance on the current event-loop thread, so that a
 * caller on that same thread (an HTTP verticle sharing the event loop) can run them in place
 * instead of over the bus. In place means: on the service verticle's own context and thread, with
 * the same timeout and the same failure mapping as the bus, but without the bus's codec copies,
 * reply registration and hand-offs between threads, a large share of a catalog read's CPU
 * (docs/architecture.md). A binding counts only while its bus consumer is registered,
 * so an undeployed instance is never called. Worker verticles are never bound here: their
 * operations may block, so they are always reached over the bus.
 */
final class InPlaceBindings {
  /** One operation of one verticle instance, as its consumer would run it. */
  record Binding(String address, Context context, Thread thread, MessageConsumer<?> consumer,
                 BiFunction<JsonObject, String, Future<Object>> answer) {

    /**
     * Runs the operation on its own context and completes the answer on this thread; the caller
     * gets the same 503 as over the bus when the service does not answer within {@code timeoutMs}.
     */
    <T> Future<T> call(Vertx vertx, JsonObject body, String requestId, long timeoutMs) {
      Promise<T> answered = Promise.promise();
      long timer = vertx.setTimer(timeoutMs, id -> answered.tryFail(ServiceClient.timedOut(address)));
      context.runOnContext(v -> answer.apply(body, requestId).onComplete(done -> {
        if (Thread.currentThread() == thread) {
          settle(vertx, timer, answered, done);
        } else {
          // an operation completed from a foreign thread: come back to the caller's event loop
          context.runOnContext(back -> settle(vertx, timer, answered, done));
        }
      }));
      return answered.future();
    }

    @SuppressWarnings("unchecked")
    private static <T> void settle(Vertx vertx, long timer, Promise<T> answered, AsyncResult<Object> done) {
      vertx.cancelTimer(timer);
      if (done.succeeded()) {
        answered.tryComplete((T) done.result());
      } else {
        answered.tryFail(done.cause());
      }
    }
  }

  private static final ThreadLocal<Map<String, Binding>> BOUND = ThreadLocal.withInitial(HashMap::new);

  private InPlaceBindings() {
  }

  /** Records an operation bound on the current thread, if it is an event-loop verticle's. */
  static void bind(Vertx vertx, String address, MessageConsumer<?> consumer,
                   BiFunction<JsonObject, String, Future<Object>> answer) {
    Context context = vertx.getOrCreateContext();
    if (context.isEventLoopContext() && Context.isOnEventLoopThread()) {
      BOUND.get().put(address, new Binding(address, context, Thread.currentThread(), consumer, answer));
    }
  }

  /** The live binding of {@code address} on the current thread, or null: then the bus it is. */
  static Binding here(String address) {
    Binding binding = BOUND.get().get(address);
    return binding != null && binding.consumer().isRegistered() ? binding : null;
  }
}
