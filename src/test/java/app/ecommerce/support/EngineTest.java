package app.ecommerce.support;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One test body, a subclass per database engine: subclasses name the engine, this class starts
 * one real server on it for the whole class and stops it afterwards.
 */
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
  void startServer() {
    server = TestServer.start(newDatabase(), settings());
    api = server.api();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  protected String admin() {
    return server.adminToken();
  }
}
