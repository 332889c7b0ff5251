package app.ecommerce.support;

import app.ecommerce.App;
import app.ecommerce.Main;
import app.ecommerce.NodeVertx;
import app.ecommerce.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real application, started the way {@code Main} starts it (migrations, verticles, event
 * bus, HTTP on a free port) against a real {@link TestDatabase}. Argon2 is made cheap so that
 * tests that log in many times stay fast; everything else is the production configuration.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@test.example";
  public static final String ADMIN_PASSWORD = "admin-password-1";
  public static final String JWT_SECRET = "test-only-secret-with-more-than-32-bytes!";
  private static final AtomicInteger CUSTOMERS = new AtomicInteger();

  private final TestDatabase db;
  private final App app;
  private final Api api;
  private final Api management;
  private String adminToken;

  private TestServer(TestDatabase db, App app) {
    this.db = db;
    this.app = app;
    this.api = new Api(app.httpPort());
    this.management = new Api(app.managementPort());
  }

  /**
   * A node of the test's own on a Vert.x the caller keeps (from vertx-junit5's extension, which
   * closes it): completes once the node is ready, its database migrated. {@link #stop()} undeploys
   * it and drops the database, and leaves the Vert.x running.
   */
  public static Future<TestServer> deploy(NodeVertx node, TestDatabase db, Map<String, String> overrides) {
    Future<App> started;
    try {
      started = Main.deploy(node, ConfigLoader.load(settings(db, overrides)));
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    return started
        .compose(app -> app.ready().map(ready -> new TestServer(db, app)))
        .recover(failure -> closeDatabase(node.vertx(), db).transform(closed -> Future.failedFuture(
            new IllegalStateException("server did not start on " + db.engine() + ": " + failure, failure))));
  }

  /**
   * A node with a Vert.x of its own (built and closed by {@link Main#start}), started and waited
   * for on the calling thread: for a test that needs a second node beside its class's, or one with
   * settings of its own (two nodes on one Vert.x would share one event bus).
   */
  public static TestServer start(TestDatabase db) {
    return start(db, Map.of());
  }

  public static TestServer start(TestDatabase db, Map<String, String> overrides) {
    try {
      App app = Main.start(ConfigLoader.load(settings(db, overrides))).await(3, TimeUnit.MINUTES);
      app.ready().await(3, TimeUnit.MINUTES);
      return new TestServer(db, app);
    } catch (Exception e) {
      throw new IllegalStateException("server did not start on " + db.engine() + ": " + e, e);
    }
  }

  /** The settings a test server runs with: the production defaults plus these. */
  public static Map<String, String> settings(TestDatabase db, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("APPLICATION_SETTINGS", "");
    env.put("HTTP_PORT", String.valueOf(freePort()));
    env.put("MANAGEMENT_PORT", "0");
    env.put("DATABASE_URL", db.url());
    try {
      // empty unless a test leaves JWT_SECRET unset (JwtSecret writes its file there)
      File dataDir = Files.createTempDirectory("ecommerce-data").toFile();
      dataDir.deleteOnExit();
      env.put("DATA_DIR", dataDir.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    env.put("JWT_SECRET", JWT_SECRET);
    env.put("ARGON2_MEMORY_KIB", "1024");
    env.put("ARGON2_ITERATIONS", "1");
    env.put("ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("DEMO_DATA", "false");
    env.putAll(overrides);
    return env;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Api api() {
    return api;
  }

  /** The management listener: /metrics, /health and /ready. */
  public Api management() {
    return management;
  }

  public App app() {
    return app;
  }

  public TestDatabase db() {
    return db;
  }

  public int port() {
    return app.httpPort();
  }

  public synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }
    return adminToken;
  }

  /** Registers a new customer and returns a fresh token of theirs. */
  public String newCustomerToken() {
    return newCustomer("UTC").token();
  }

  /** A registered customer: id, e-mail, password and a token. */
  public record Customer(long id, String email, String password, String token) {
  }

  public Customer newCustomer(String timezone) {
    String email = "customer" + CUSTOMERS.incrementAndGet() + "-" + System.nanoTime() + "@test.example";
    String password = "customer-password";
    Api.Response r = api.put("register_user").json(new JsonObject()
        .put("first_name", "Test").put("last_name", "Customer").put("email", email)
        .put("password", password).put("timezone", timezone)).send();
    if (r.status() != 200) {
      throw new AssertionError("register failed: " + r);
    }
    return new Customer(r.data().getLong("id"), email, password, api.login(email, password));
  }

  /**
   * Stops the node (and its Vert.x when it has one of its own), then drops its database on a
   * worker thread: JDBC blocks.
   */
  public Future<Void> stop() {
    return app.close().eventually(() -> closeDatabase(app.vertx(), db));
  }

  private static Future<Void> closeDatabase(Vertx vertx, TestDatabase db) {
    return vertx.executeBlocking(() -> {
      db.close();
      return null;
    });
  }

  /** {@link #stop()}, waited for on the calling thread (try-with-resources in a test body). */
  @Override
  public void close() {
    try {
      app.close().await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("server did not stop: " + e, e);
    } finally {
      db.close();
    }
  }
}
