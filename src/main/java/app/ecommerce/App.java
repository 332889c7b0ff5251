package app.ecommerce;

import app.ecommerce.config.AppConfig;
import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * A running node: what {@link Main#start(AppConfig)} or {@link Main#deploy(NodeVertx, AppConfig)}
 * built, and how to stop it in order. The HTTP verticles and the management listener go first
 * (they stop accepting and finish what is in flight), then the services, then the SQL pool, then
 * Vert.x itself when the node built it. The listeners open at once; the services come once the
 * database answers and is migrated ({@link #ready()}).
 *
 * @param managementPort where /metrics is served (the bound port when {@code MANAGEMENT_PORT} is 0)
 * @param ownsVertx whether {@link #close()} closes Vert.x too ({@link Main#start}), or leaves it to
 *     whoever built it ({@link Main#deploy})
 */
public record App(AppConfig config, Vertx vertx, Database db, List<String> httpDeployments,
                  DatabaseStartup startup, Future<List<String>> services, int managementPort, boolean ownsVertx) {

  public int httpPort() {
    return config.httpPort();
  }

  /** This node, closing its Vert.x when it closes. */
  App closingVertx() {
    return new App(config, vertx, db, httpDeployments, startup, services, managementPort, true);
  }

  /** Completes once the services run: the database answered and its schema is up to date. */
  public Future<Void> ready() {
    return services.mapEmpty();
  }

  /** The services' deployments; empty while the node waits for its database. */
  public List<String> serviceDeployments() {
    return services.succeeded() ? services.result() : List.of();
  }

  public Future<Void> close() {
    startup.stop();
    Future<Void> stopped = undeploy(httpDeployments)
        .eventually(() -> undeploy(serviceDeployments()))
        .eventually(db::close);
    return ownsVertx ? stopped.eventually(vertx::close) : stopped;
  }

  private Future<Void> undeploy(List<String> deployments) {
    return Future.join(deployments.stream().map(vertx::undeploy).toList()).mapEmpty();
  }
}
