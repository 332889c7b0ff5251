package app.ecommerce;

import app.ecommerce.auth.AuthContract;
import app.ecommerce.auth.AuthRoutes;
import app.ecommerce.auth.AccessTokens;
import app.ecommerce.auth.TokenAuthenticator;
import app.ecommerce.auth.impl.AuthVerticle;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.bus.ServiceOperations;
import app.ecommerce.catalog.CatalogContract;
import app.ecommerce.catalog.CatalogRoutes;
import app.ecommerce.catalog.impl.CatalogVerticle;
import app.ecommerce.cluster.Clustering;
import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigException;
import app.ecommerce.config.ConfigLoader;
import app.ecommerce.config.Cores;
import app.ecommerce.config.JwtSecret;
import app.ecommerce.db.Database;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.WriteDeadlines;
import app.ecommerce.http.ConnectionGuard;
import app.ecommerce.http.HttpVerticle;
import app.ecommerce.http.ManagementVerticle;
import app.ecommerce.http.OperationalRoutes;
import app.ecommerce.http.RequestMeters;
import app.ecommerce.http.RouteModule;
import app.ecommerce.http.StartupGate;
import app.ecommerce.metrics.Metrics;
import app.ecommerce.sales.SalesContract;
import app.ecommerce.sales.SalesRoutes;
import app.ecommerce.sales.impl.SalesAnalyticsVerticle;
import app.ecommerce.tools.Cli;
import app.ecommerce.web.WebFront;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Start-up: configuration and the JWT key, then Vert.x, the one SQL pool and the listeners (HTTP
 * and management), open at once; then, in the background and retried until the database answers
 * ({@link DatabaseStartup}), the migrations, the demo data of a new database and the service
 * verticles. Until a service is deployed, calls to it answer 503 with Retry-After.
 */
public final class Main {
  /** How long an HTTP verticle waits for a service over the bus before answering 503. */
  public static final long SERVICE_TIMEOUT_MS = 10_000;
  /** How long /ready waits for each service before calling it down. */
  static final long READY_TIMEOUT_MS = 5_000;
  /** Logged once every verticle of this node is deployed (scripts wait for it). */
  public static final String NODE_STARTED = "Node";
  /** Longest orderly shutdown (in-flight requests get most of it), after which the exit code is 1. */
  static final long SHUTDOWN_SECONDS = 30;

  private Main() {
  }

  public static void main(String[] args) {
    AppConfig config;
    try {
      config = ConfigLoader.load();
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.setProperty("LOG_FORMAT", config.logFormat());
    String command = args.length == 0 ? "serve" : args[0];
    if (!command.equals("serve")) {
      System.exit(Cli.run(config, args));
      return;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    try {
      App app = start(config).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
      AtomicBoolean stopping = new AtomicBoolean();
      Runnable stop = () -> {
        if (!stopping.compareAndSet(false, true)) {
          return;
        }
        log.info("Shutting down: no new connections, finishing requests in flight");
        int code = 0;
        try {
          app.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
          log.info("Stopped");
        } catch (Exception e) {
          log.warn("Shutdown did not complete cleanly: {}", e.toString());
          code = 1;
        }
        System.exit(code);
      };
      for (String signal : new String[] {"TERM", "INT"}) {
        Signal.handle(new Signal(signal), received -> new Thread(stop, "shutdown").start());
      }
      if (config.runs("http")) {
        log.info("Listening on http://{}:{}/ ({})", config.httpHost(), config.httpPort(), config);
      }
      log.info("Management listener (metrics, health, readiness) on http://{}:{}/metrics", config.managementHost(),
          app.managementPort());
      app.ready().onSuccess(ready -> {
        log.info("{} started: {}, network transport {}", NODE_STARTED,
            config.verticles(), app.vertx().isNativeTransportEnabled() ? "native epoll" : "NIO");
        if (config.runs("http")) {
          String base = "http://" + ("0.0.0.0".equals(config.httpHost()) ? "127.0.0.1" : config.httpHost()) + ":"
              + config.httpPort();
          log.info("Open the shop at {}/ and the admin console at {}/admin/ (API docs: {}/docs)", base, base, base);
        }
      });
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof ConfigException) {
        log.error("Configuration error: {}", cause.getMessage());
      } else {
        log.error("Start-up failed", cause);
      }
      System.exit(1);
    }
  }

  /**
   * Builds the node's Vert.x and starts a node on it, as production does; the returned app closes
   * that Vert.x with it. The future completes once the listeners are open; {@link App#ready()}
   * once the services run.
   */
  public static Future<App> start(AppConfig config) {
    Checked checked;
    try {
      checked = check(config);
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    return NodeVertx.build(config).compose(node -> deploy(node, config, checked)
        .map(App::closingVertx)
        .recover(failure -> node.close().transform(closed -> Future.failedFuture(failure))));
  }

  /**
   * Starts a node on a Vert.x built by {@link NodeVertx} that its caller keeps and closes (tests take
   * it from vertx-junit5's extension): the same verticles, pool and listeners as {@link #start}.
   * {@link App#close()} stops the node and leaves the Vert.x running.
   */
  public static Future<App> deploy(NodeVertx node, AppConfig config) {
    try {
      return deploy(node, config, check(config));
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  /** What start-up settles on the starting thread before any Vert.x work. */
  private record Checked(byte[] jwtSecret, int maxConnections) {
  }

  private static Checked check(AppConfig config) {
    if (config.cluster()) {
      Clustering.check(config);
    }
    byte[] jwtSecret = JwtSecret.resolve(config);
    DatabaseUrl.parse(config.databaseUrl());
    // the open-file limit is read through JMX: here, on the starting thread, never on an event loop
    return new Checked(jwtSecret, config.httpLimits().effectiveMaxConnections());
  }

  private static Future<App> deploy(NodeVertx node, AppConfig config, Checked checked) {
    Vertx vertx = node.vertx();
    Metrics metrics = node.metrics();
    ClusterManager cluster = node.cluster();
    int eventLoops = node.eventLoops();
    ServiceOperations.installCodec(vertx);
    AccessTokens jwt = AccessTokens.create(vertx, checked.jwtSecret());
    Database db = Database.open(vertx, config, WriteDeadlines.within(SERVICE_TIMEOUT_MS));
    ServiceClient services = new ServiceClient(vertx, SERVICE_TIMEOUT_MS, metrics.registry());
    RequestMeters meters = new RequestMeters(metrics.registry());
    Supplier<JsonObject> nodeDetails = () -> cluster == null ? new JsonObject()
        : new JsonObject().put("cluster_members", cluster.getNodes().size()).put("node", cluster.getNodeId());
    // the listeners first, so that the port is open whatever the database does: until the
    // services are deployed, every API call and /ready answer 503 with Retry-After
    StartupGate gate = new StartupGate();
    return (config.runs("http")
        ? deployHttp(vertx, config, services, jwt, nodeDetails, metrics, meters,
            new ConnectionGuard(config.httpLimits(), checked.maxConnections()), eventLoops, gate)
        : Future.succeededFuture(List.<String>of()))
        .compose(httpIds -> deployManagement(vertx, config, services, nodeDetails, metrics, meters, gate)
            .map(management -> {
              List<String> listeners = new ArrayList<>(httpIds);
              listeners.add(management.deploymentId());
              DatabaseStartup startup = new DatabaseStartup(vertx, config, db,
                  () -> deployServices(vertx, config, db, jwt, metrics, eventLoops).onSuccess(ids -> {
                    db.startMaintenance();
                    gate.open();
                  }));
              return new App(config, vertx, db, listeners, startup, startup.run(), management.port(), false);
            }));
  }

  private record Listener(String deploymentId, int port) {
  }

  /** The management listener: /metrics, /health and /ready, on every node whatever it runs. */
  private static Future<Listener> deployManagement(Vertx vertx, AppConfig config, ServiceClient services,
                                                   Supplier<JsonObject> nodeDetails, Metrics metrics,
                                                   RequestMeters meters, StartupGate gate) {
    ManagementVerticle management = new ManagementVerticle(config.managementHost(), config.managementPort(),
        operationalRoutes(services, nodeDetails, gate).withMetrics(metrics.prometheus()), meters,
        new ConnectionGuard(config.httpLimits(), ManagementVerticle.MAX_CONNECTIONS));
    return vertx.deployVerticle(management).map(id -> new Listener(id, management.actualPort()));
  }

  /**
   * The event loops and transport of a node; the HTTP and catalog verticles run one instance per
   * loop. The benchmark's bare server takes the same, so that its ratio measures the app's own work.
   */
  public static VertxOptions runtimeOptions() {
    // One event loop per core, where Vert.x defaults to two: a pooled SQL connection does its I/O
    // on the event loop that opened it, and with more loops than HTTP verticles the connections
    // opened by start-up work (admin bootstrap, sweeps, readiness) sat on loops no request arrives
    // on, so that most queries crossed threads twice (docs/architecture.md).
    // Netty's native epoll transport where it loads (Linux x86_64; NIO elsewhere): NIO's selector
    // wake-ups contended on a Java monitor between event loops under load.
    return new VertxOptions().setEventLoopPoolSize(Cores.available()).setPreferNativeTransport(true);
  }

  private static Future<List<String>> deployServices(Vertx vertx, AppConfig config, Database db, AccessTokens jwt,
                                                     Metrics metrics, int eventLoops) {
    List<Future<String>> deployed = new ArrayList<>();
    if (config.runs("auth")) {
      // one instance: its heavy work (argon2) runs on its own worker pool, and the admin
      // bootstrap and the sweeps must run once per node
      deployed.add(vertx.deployVerticle(new AuthVerticle(config, db, jwt)));
    }
    if (config.runs("catalog")) {
      // stateless: one instance per event loop (instances take the loops in turn), so that every
      // HTTP verticle finds one on its own thread and calls it in place, without the bus
      deployed.add(vertx.deployVerticle(() -> new CatalogVerticle(db, metrics.registry()),
          new DeploymentOptions().setInstances(eventLoops)));
    }
    if (config.runs("sales")) {
      int cpuPercent = config.analyticsCpuPercent() > 0 ? config.analyticsCpuPercent()
          : SalesAnalyticsVerticle.defaultCpuPercent(Cores.available());
      deployed.add(vertx.deployVerticle(new SalesAnalyticsVerticle(db, cpuPercent),
          new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    }
    return Future.all(deployed).map(all -> all.<String>list());
  }

  private static Future<List<String>> deployHttp(Vertx vertx, AppConfig config, ServiceClient services,
                                                 AccessTokens jwt, Supplier<JsonObject> nodeDetails, Metrics metrics,
                                                 RequestMeters meters, ConnectionGuard connections,
                                                 int eventLoops, StartupGate gate) {
    TokenAuthenticator authenticator = new TokenAuthenticator(jwt, services);
    authenticator.registerMetrics(metrics.registry());
    List<RouteModule> modules = new ArrayList<>();
    modules.add(gate); // first: its route must precede the endpoints'
    modules.addAll(routeModules(services, authenticator, metrics, nodeDetails, gate));
    return authenticator.listen(vertx).compose(v -> vertx.deployVerticle(
            () -> new HttpVerticle(config.httpHost(), config.httpPort(), modules, authenticator, meters, connections,
                config.corsAllowedOrigins()),
            new DeploymentOptions().setInstances(eventLoops)))
        .map(List::of);
  }

  /**
   * What the HTTP verticles serve; public so that tests can build the same router.
   *
   * @param nodeDetails what /health and /ready add about this node (the cluster view)
   */
  public static List<RouteModule> routeModules(ServiceClient services, TokenAuthenticator authenticator,
                                               Metrics metrics, Supplier<JsonObject> nodeDetails) {
    StartupGate started = new StartupGate();
    started.open();
    return routeModules(services, authenticator, metrics, nodeDetails, started);
  }

  private static List<RouteModule> routeModules(ServiceClient services, TokenAuthenticator authenticator,
                                                Metrics metrics, Supplier<JsonObject> nodeDetails, StartupGate gate) {
    return List.of(
        new AuthRoutes(services, authenticator),
        new CatalogRoutes(services),
        new SalesRoutes(services),
        operationalRoutes(services, nodeDetails, gate),
        new WebFront());
  }

  /** /health and /ready, on the API port and on the management listener. */
  private static OperationalRoutes operationalRoutes(ServiceClient services, Supplier<JsonObject> nodeDetails,
                                                     StartupGate gate) {
    Map<String, Function<String, Future<?>>> readiness = new LinkedHashMap<>();
    // this node's own start-up first: in a cluster, another node's services may answer the others
    readiness.put("startup", rid -> gate.check());
    readiness.put("database", rid -> services.overBus(CatalogContract.PING, new JsonObject(), rid, READY_TIMEOUT_MS));
    readiness.put("auth", rid -> services.overBus(AuthContract.PING, new JsonObject(), rid, READY_TIMEOUT_MS));
    readiness.put("sales", rid -> services.overBus(SalesContract.PING, new JsonObject(), rid, READY_TIMEOUT_MS));
    return new OperationalRoutes(readiness, nodeDetails);
  }
}
