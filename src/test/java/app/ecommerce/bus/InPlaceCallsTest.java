package app.ecommerce.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.Map;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service call from the thread of a service instance runs in place, anything else goes over the
 * bus, and the caller cannot tell the two apart: same answers, same failures, same timeout. Each
 * test gets a Vert.x of its own from {@link VertxExtension}, which closes it afterwards, and
 * asserts on its answers as they arrive on their threads through {@link VertxTestContext}.
 */
@ExtendWith(VertxExtension.class)
class InPlaceCallsTest {
  private static final long TIMEOUT_MS = 300;

  private Vertx vertx;
  private SimpleMeterRegistry registry;
  private ServiceClient client;

  /** Echoes, fails or never answers, and says on which thread and context it ran. */
  static final class EchoVerticle extends VerticleBase {
    final Promise<Void> never = Promise.promise();
    volatile List<MessageConsumer<JsonObject>> consumers;

    Context context() {
      return context;
    }

    @Override
    public Future<?> start() {
      return ServiceOperations.bind(vertx, Map.of(
          "test.echo", body -> Future.succeededFuture(body.copy()
              .put("thread", Thread.currentThread().getName())
              .put("deployment", Vertx.currentContext().deploymentID())),
          "test.not_found", body -> Future.failedFuture(Errors.notFound("No such thing")),
          "test.throws", body -> {
            throw new IllegalStateException("a bug");
          },
          "test.never", body -> never.future(),
          "test.foreign", body -> {
            Promise<JsonObject> later = Promise.promise();
            new Thread(() -> later.complete(new JsonObject().put("from", "foreign")), "foreign").start();
            return later.future();
          }), failure -> false, failure -> false).onSuccess(bound -> consumers = bound);
    }
  }

  /** Binds nothing: a caller on another event loop, like an HTTP verticle without a catalog beside it. */
  static final class CallerVerticle extends VerticleBase {
    Context context() {
      return context;
    }
  }

  /** Deploys a verticle that binds nothing, on the next event loop: a caller like an HTTP verticle without a catalog beside it. */
  private Future<Context> otherEventLoop() {
    CallerVerticle caller = new CallerVerticle();
    return vertx.deployVerticle(caller).map(id -> caller.context());
  }

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx; // at least two event loops: Vert.x gives 2 per core
    registry = new SimpleMeterRegistry();
    client = new ServiceClient(vertx, TIMEOUT_MS, registry);
  }

  private Future<EchoVerticle> deploy(ThreadingModel threading) {
    EchoVerticle service = new EchoVerticle();
    return vertx.deployVerticle(service, new DeploymentOptions().setThreadingModel(threading)).map(id -> service);
  }

  /** Calls from the given context and tells on which thread the answer arrived. */
  private Future<JsonObject> callFrom(Context context, String address, AtomicReference<String> answeredOn) {
    Promise<JsonObject> answer = Promise.promise();
    context.runOnContext(v -> client.<JsonObject>call(address, new JsonObject().put("n", 1), "rid-1", TIMEOUT_MS)
        .onComplete(done -> {
          answeredOn.set(Thread.currentThread().getName());
          answer.handle(done);
        }));
    return answer.future();
  }

  private double calls(String address, String transport) {
    Counter counter = registry.find("ecommerce.service.calls").tags("address", address, "transport", transport).counter();
    return counter == null ? 0 : counter.count();
  }

  /** How many calls of {@code address} ran in place and how many went over the bus. */
  private void assertCalls(String address, double inPlace, double overBus) {
    assertEquals(inPlace, calls(address, "in_place"), "in place");
    assertEquals(overBus, calls(address, "bus"), "over the bus");
  }

  /** The service failure a call ended with; a call that succeeded fails the test. */
  private static Future<ServiceException> failure(Future<?> call) {
    return call.transform(done -> {
      if (done.succeeded()) {
        return Future.failedFuture(new AssertionError("the call succeeded: " + done.result()));
      }
      assertTrue(done.cause() instanceof ServiceException, done.cause().toString());
      return Future.succeededFuture((ServiceException) done.cause());
    });
  }

  @Test
  void aCallFromTheServicesOwnThreadRunsInPlaceOnItsContext(VertxTestContext test) {
    AtomicReference<String> answeredOn = new AtomicReference<>();
    deploy(ThreadingModel.EVENT_LOOP).onComplete(test.succeeding(service ->
        callFrom(service.context(), "test.echo", answeredOn).onComplete(test.succeeding(answer -> test.verify(() -> {
          assertEquals(1, answer.getInteger("n"));
          assertEquals(service.context().deploymentID(), answer.getString("deployment"),
              "ran on the service's own context");
          assertEquals(answer.getString("thread"), answeredOn.get());
          assertCalls("test.echo", 1, 0);
          test.completeNow();
        })))));
  }

  @Test
  void aCallFromAnotherThreadGoesOverTheBusWithTheSameAnswer(VertxTestContext test) {
    AtomicReference<String> answeredOn = new AtomicReference<>();
    deploy(ThreadingModel.EVENT_LOOP).onComplete(test.succeeding(service -> otherEventLoop()
        .compose(caller -> callFrom(service.context(), "test.echo", new AtomicReference<>())
            .compose(inPlace -> callFrom(caller, "test.echo", answeredOn).map(overBus -> List.of(inPlace, overBus))))
        .onComplete(test.succeeding(answers -> test.verify(() -> {
          JsonObject inPlace = answers.get(0);
          JsonObject overBus = answers.get(1);
          assertNotEquals(overBus.getString("thread"), answeredOn.get(), "the precondition: two different event loops");
          assertEquals(1, calls("test.echo", "bus"));
          assertEquals(inPlace.getInteger("n"), overBus.getInteger("n"));
          assertEquals(service.context().deploymentID(), overBus.getString("deployment"));
          test.completeNow();
        })))));
  }

  @Test
  void failuresAreTheSameInPlaceAndOverTheBus(VertxTestContext test) {
    // three failures from each of the two callers, checked as each one arrives
    Checkpoint failed = test.checkpoint(6);
    Checkpoint counted = test.checkpoint(); // the totals, once all six have arrived
    deploy(ThreadingModel.EVENT_LOOP).onComplete(test.succeeding(service -> otherEventLoop()
        .compose(other -> Future.all(List.of(service.context(), other).stream().map(from -> Future.all(
            failure(callFrom(from, "test.not_found", new AtomicReference<>())).onComplete(test.succeeding(notFound ->
                test.verify(() -> {
                  assertEquals(404, notFound.failureCode());
                  assertEquals("No such thing", notFound.getMessage());
                  failed.flag();
                }))),
            failure(callFrom(from, "test.throws", new AtomicReference<>())).onComplete(test.succeeding(bug ->
                test.verify(() -> {
                  assertEquals(500, bug.failureCode());
                  failed.flag();
                }))),
            failure(callFrom(from, "test.never", new AtomicReference<>())).onComplete(test.succeeding(timedOut ->
                test.verify(() -> {
                  assertEquals(503, timedOut.failureCode());
                  assertTrue(timedOut.getMessage().contains("did not answer in time"), timedOut.getMessage());
                  failed.flag();
                }))))).toList()))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          assertEquals(3, calls("test.not_found", "in_place") + calls("test.throws", "in_place")
              + calls("test.never", "in_place"));
          assertEquals(3, calls("test.not_found", "bus") + calls("test.throws", "bus") + calls("test.never", "bus"));
          counted.flag();
        })))));
  }

  @Test
  void anAnswerCompletedOnAForeignThreadComesBackOnTheCallersThread(VertxTestContext test) {
    AtomicReference<String> answeredOn = new AtomicReference<>();
    deploy(ThreadingModel.EVENT_LOOP).onComplete(test.succeeding(service ->
        callFrom(service.context(), "test.echo", new AtomicReference<>())
            .compose(echo -> callFrom(service.context(), "test.foreign", answeredOn)
                .map(foreign -> List.of(echo, foreign)))
            .onComplete(test.succeeding(answers -> test.verify(() -> {
              assertEquals("foreign", answers.get(1).getString("from"));
              assertEquals(answers.get(0).getString("thread"), answeredOn.get());
              assertEquals(2, calls("test.echo", "in_place") + calls("test.foreign", "in_place"));
              test.completeNow();
            })))));
  }

  @Test
  void anUnregisteredInstanceIsNeverCalledInPlace(VertxTestContext test) {
    deploy(ThreadingModel.EVENT_LOOP).onComplete(test.succeeding(service -> {
      Promise<Void> unregistered = Promise.promise();
      service.context().runOnContext(v -> Future.all(service.consumers.stream().map(MessageConsumer::unregister)
          .toList()).<Void>mapEmpty().onComplete(unregistered));
      unregistered.future()
          .compose(v -> failure(callFrom(service.context(), "test.echo", new AtomicReference<>())))
          .onComplete(test.succeeding(gone -> test.verify(() -> {
            assertEquals(503, gone.failureCode());
            assertCalls("test.echo", 0, 1);
            test.completeNow();
          })));
    }));
  }

  @Test
  void aWorkerServiceIsAlwaysCalledOverTheBus(VertxTestContext test) {
    AtomicReference<String> answeredOn = new AtomicReference<>();
    deploy(ThreadingModel.WORKER).compose(worker -> callFrom(worker.context(), "test.echo", answeredOn))
        .onComplete(test.succeeding(answer -> test.verify(() -> {
          assertEquals(1, answer.getInteger("n"));
          assertCalls("test.echo", 0, 1);
          test.completeNow();
        })));
  }

  @Test
  void readinessChecksUseTheBusEvenOnTheServicesThread(VertxTestContext test) {
    deploy(ThreadingModel.EVENT_LOOP).compose(service -> {
      Promise<JsonObject> answer = Promise.promise();
      service.context().runOnContext(v -> client.<JsonObject>overBus("test.echo", new JsonObject(), null, TIMEOUT_MS)
          .onComplete(answer));
      return answer.future();
    }).onComplete(test.succeeding(answer -> test.verify(() -> {
      assertCalls("test.echo", 0, 1);
      test.completeNow();
    })));
  }
}
