package app.ecommerce;

import app.ecommerce.config.AppConfig;
import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** A running node: what {@link Main#start(AppConfig)} built, and how to stop it. */
public record App(AppConfig config, Vertx vertx, Database db) {

  public int httpPort() {
    return config.httpPort();
  }

  /** Undeploys every verticle (the HTTP server first stops accepting), then closes the pool. */
  public Future<Void> close() {
    return vertx.close();
  }
}
