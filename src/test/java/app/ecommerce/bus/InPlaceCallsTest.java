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
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service call from the thread of a service instance runs in place, anything else goes over the
 * bus, and the caller cannot tell the two apart: same answers, same failures, same timeout.
 */
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

  private Context otherEventLoop() throws Exception {
    CallerVerticle caller = new CallerVerticle();
    await(vertx.deployVerticle(caller)); // the next of the two event loops
    return caller.context();
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    registry = new SimpleMeterRegistry();
    client = new ServiceClient(vertx, TIMEOUT_MS, registry);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private EchoVerticle deploy(ThreadingModel threading) throws Exception {
    EchoVerticle service = new EchoVerticle();
    await(vertx.deployVerticle(service, new DeploymentOptions().setThreadingModel(threading)));
    return service;
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

  private static ServiceException failure(Future<?> call) throws Exception {
    try {
      await(call);
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof ServiceException, e.getCause().toString());
      return (ServiceException) e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void aCallFromTheServicesOwnThreadRunsInPlaceOnItsContext() throws Exception {
    EchoVerticle service = deploy(ThreadingModel.EVENT_LOOP);
    AtomicReference<String> answeredOn = new AtomicReference<>();
    JsonObject answer = await(callFrom(service.context(), "test.echo", answeredOn));

    assertEquals(1, answer.getInteger("n"));
    assertEquals(service.context().deploymentID(), answer.getString("deployment"), "ran on the service's own context");
    assertEquals(answer.getString("thread"), answeredOn.get());
    assertCalls("test.echo", 1, 0);
  }

  @Test
  void aCallFromAnotherThreadGoesOverTheBusWithTheSameAnswer() throws Exception {
    EchoVerticle service = deploy(ThreadingModel.EVENT_LOOP);
    Context caller = otherEventLoop();
    AtomicReference<String> answeredOn = new AtomicReference<>();
    JsonObject inPlace = await(callFrom(service.context(), "test.echo", new AtomicReference<>()));
    JsonObject overBus = await(callFrom(caller, "test.echo", answeredOn));

    assertNotEquals(overBus.getString("thread"), answeredOn.get(), "the precondition: two different event loops");
    assertEquals(1, calls("test.echo", "bus"));
    assertEquals(inPlace.getInteger("n"), overBus.getInteger("n"));
    assertEquals(service.context().deploymentID(), overBus.getString("deployment"));
  }

  @Test
  void failuresAreTheSameInPlaceAndOverTheBus() throws Exception {
    EchoVerticle service = deploy(ThreadingModel.EVENT_LOOP);
    for (Context from : List.of(service.context(), otherEventLoop())) {
      ServiceException notFound = failure(callFrom(from, "test.not_found", new AtomicReference<>()));
      assertEquals(404, notFound.failureCode());
      assertEquals("No such thing", notFound.getMessage());
      assertEquals(500, failure(callFrom(from, "test.throws", new AtomicReference<>())).failureCode());
      ServiceException timedOut = failure(callFrom(from, "test.never", new AtomicReference<>()));
      assertEquals(503, timedOut.failureCode());
      assertTrue(timedOut.getMessage().contains("did not answer in time"), timedOut.getMessage());
    }
    assertEquals(3, calls("test.not_found", "in_place") + calls("test.throws", "in_place") + calls("test.never", "in_place"));
    assertEquals(3, calls("test.not_found", "bus") + calls("test.throws", "bus") + calls("test.never", "bus"));
  }

  @Test
  void anAnswerCompletedOnAForeignThreadComesBackOnTheCallersThread() throws Exception {
    EchoVerticle service = deploy(ThreadingModel.EVENT_LOOP);
    AtomicReference<String> answeredOn = new AtomicReference<>();
    String serviceThread = await(callFrom(service.context(), "test.echo", new AtomicReference<>())).getString("thread");
    assertEquals("foreign", await(callFrom(service.context(), "test.foreign", answeredOn)).getString("from"));
    assertEquals(serviceThread, answeredOn.get());
    assertEquals(2, calls("test.echo", "in_place") + calls("test.foreign", "in_place"));
  }

  @Test
  void anUnregisteredInstanceIsNeverCalledInPlace() throws Exception {
    EchoVerticle service = deploy(ThreadingModel.EVENT_LOOP);
    Promise<Void> unregistered = Promise.promise();
    service.context().runOnContext(v -> Future.all(service.consumers.stream().map(MessageConsumer::unregister).toList())
        .<Void>mapEmpty().onComplete(unregistered));
    await(unregistered.future());

    ServiceException gone = failure(callFrom(service.context(), "test.echo", new AtomicReference<>()));
    assertEquals(503, gone.failureCode());
    assertCalls("test.echo", 0, 1);
  }

  @Test
  void aWorkerServiceIsAlwaysCalledOverTheBus() throws Exception {
    EchoVerticle worker = deploy(ThreadingModel.WORKER);
    AtomicReference<String> answeredOn = new AtomicReference<>();
    JsonObject answer = await(callFrom(worker.context(), "test.echo", answeredOn));
    assertEquals(1, answer.getInteger("n"));
    assertCalls("test.echo", 0, 1);
  }

  @Test
  void readinessChecksUseTheBusEvenOnTheServicesThread() throws Exception {
    EchoVerticle service = deploy(ThreadingModel.EVENT_LOOP);
    Promise<JsonObject> answer = Promise.promise();
    service.context().runOnContext(v -> client.<JsonObject>overBus("test.echo", new JsonObject(), null, TIMEOUT_MS)
        .onComplete(answer));
    await(answer.future());
    assertCalls("test.echo", 0, 1);
  }
}
