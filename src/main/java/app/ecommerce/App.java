package app.ecommerce;

import app.ecommerce.config.AppConfig;
import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * A running node: what {@link Main#start(AppConfig)} built, and how to stop it in order. The HTTP
 * verticles and the management listener go first (they stop accepting and finish what is in
 * flight), then the services, then the SQL pool, then Vert.x itself.
 *
 * @param managementPort where /metrics is served (the bound port when {@code MANAGEMENT_PORT} is 0)
 */
public record App(AppConfig config, Vertx vertx, Database db, List<String> httpDeployments,
                  List<String> serviceDeployments, int managementPort) {

  public int httpPort() {
    return config.httpPort();
  }

  public Future<Void> close() {
    return undeploy(httpDeployments)
        .eventually(() -> undeploy(serviceDeployments))
        .eventually(db::close)
        .eventually(vertx::close);
  }

  private Future<Void> undeploy(List<String> deployments) {
    return Future.join(deployments.stream().map(vertx::undeploy).toList()).mapEmpty();
  }
}
