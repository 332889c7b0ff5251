package app.ecommerce;

import app.ecommerce.auth.AuthRoutes;
import app.ecommerce.auth.JwtCodec;
import app.ecommerce.auth.TokenAuthenticator;
import app.ecommerce.auth.impl.AuthVerticle;
import app.ecommerce.bus.ServiceBinder;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.catalog.CatalogContract;
import app.ecommerce.catalog.CatalogRoutes;
import app.ecommerce.catalog.impl.CatalogVerticle;
import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigException;
import app.ecommerce.config.ConfigLoader;
import app.ecommerce.config.JwtSecret;
import app.ecommerce.db.Database;
import app.ecommerce.db.DatabaseUrl;
import app.ecommerce.db.Migrations;
import app.ecommerce.http.HttpVerticle;
import app.ecommerce.http.OperationalRoutes;
import app.ecommerce.http.RouteModule;
import app.ecommerce.sales.SalesContract;
import app.ecommerce.sales.SalesRoutes;
import app.ecommerce.sales.impl.SalesAnalyticsVerticle;
import app.ecommerce.tools.Cli;
import app.ecommerce.tools.DemoData;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up: configuration, the JWT key, migrations and demo data (blocking, before anything is
 * deployed), then Vert.x, the one SQL pool, the service verticles and, last, the HTTP verticles,
 * so that no request can arrive before its service is listening.
 */
public final class Main {
  /** How long an HTTP verticle waits for a service over the bus before answering 503. */
  public static final long SERVICE_TIMEOUT_MS = 30_000;

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
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        log.info("Shutting down");
        try {
          app.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          log.warn("Shutdown did not complete cleanly: {}", e.toString());
        }
      }, "shutdown"));
      log.info("Listening on http://{}:{}/ ({})", config.httpHost(), config.httpPort(), config);
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      if (cause instanceof ConfigException) {
        log.error("Configuration error: {}", cause.getMessage());
      } else {
        log.error("Start-up failed", cause);
      }
      System.exit(1);
    }
  }

  /** Builds and starts a node exactly as production does; tests call this with their own config. */
  public static Future<App> start(AppConfig config) {
    Logger log = LoggerFactory.getLogger(Main.class);
    JwtCodec jwt;
    try {
      jwt = new JwtCodec(JwtSecret.resolve(config));
      DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl());
      boolean fresh = Migrations.migrate(url);
      boolean demo = config.demoData() != null ? config.demoData() : url.engine() == DatabaseUrl.Engine.SQLITE;
      if (fresh && demo) {
        log.info("New database: loading demo data");
        new DemoData(config, System.out).generate(DemoData.DEFAULT_SALES);
      }
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    Vertx vertx = Vertx.builder().with(new VertxOptions()).build();
    ServiceBinder.installCodec(vertx);
    Database db = Database.open(vertx, config);
    ServiceClient services = new ServiceClient(vertx, SERVICE_TIMEOUT_MS);
    App app = new App(config, vertx, db);
    return deployServices(vertx, config, db, jwt)
        .compose(v -> config.runs("http") ? deployHttp(vertx, config, services, jwt) : Future.succeededFuture())
        .map(v -> app)
        .recover(failure -> vertx.close().transform(closed -> Future.failedFuture(failure)));
  }

  private static Future<Void> deployServices(Vertx vertx, AppConfig config, Database db, JwtCodec jwt) {
    List<Future<String>> deployed = new ArrayList<>();
    if (config.runs("auth")) {
      deployed.add(vertx.deployVerticle(new AuthVerticle(config, db, jwt)));
    }
    if (config.runs("catalog")) {
      deployed.add(vertx.deployVerticle(new CatalogVerticle(db)));
    }
    if (config.runs("sales")) {
      deployed.add(vertx.deployVerticle(new SalesAnalyticsVerticle(db),
          new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    }
    return Future.all(deployed).mapEmpty();
  }

  private static Future<Void> deployHttp(Vertx vertx, AppConfig config, ServiceClient services, JwtCodec jwt) {
    TokenAuthenticator authenticator = new TokenAuthenticator(jwt, services);
    Map<String, Function<String, Future<?>>> readiness = new LinkedHashMap<>();
    readiness.put("database", rid -> services.request(CatalogContract.PING, new JsonObject(), rid, 5_000));
    readiness.put("sales", rid -> services.request(SalesContract.PING, new JsonObject(), rid, 5_000));
    List<RouteModule> modules = List.of(
        new AuthRoutes(services),
        new CatalogRoutes(services),
        new SalesRoutes(services),
        new OperationalRoutes(readiness));
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    return authenticator.listen(vertx).compose(v -> vertx.deployVerticle(
            () -> new HttpVerticle(config.httpHost(), config.httpPort(), modules, authenticator),
            new DeploymentOptions().setInstances(instances)))
        .mapEmpty();
  }
}
