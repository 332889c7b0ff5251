package app.ecommerce.support;

import app.ecommerce.NodeVertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One test body, a subclass per database engine: subclasses name the engine, this class deploys
 * one real server on it for the whole class and stops it afterwards. The server runs on a
 * {@link NodeVertx} that vertx-junit5's {@link VertxExtension} builds for the class and closes
 * after it; start and stop are asserted through a {@link VertxTestContext}.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineTest {
  protected TestServer server;
  protected Api api;

  /** A new, empty database of the engine under test. */
  protected abstract TestDatabase newDatabase();

  /** Settings this test class needs beyond the defaults of {@link TestServer}. */
  protected Map<String, String> settings() {
    return Map.of();
  }

  @BeforeAll
  void startServer(NodeVertx node, VertxTestContext started) {
    TestServer.deploy(node, newDatabase(), settings()).onComplete(started.succeeding(deployed -> {
      server = deployed;
      api = deployed.api();
      started.completeNow();
    }));
  }

  @AfterAll
  void stopServer(VertxTestContext stopped) {
    if (server == null) {
      stopped.completeNow();
      return;
    }
    server.stop().onComplete(stopped.succeedingThenComplete());
  }

  protected String admin() {
    return server.adminToken();
  }
}
