package app.ecommerce;

import app.ecommerce.cluster.Clustering;
import app.ecommerce.config.AppConfig;
import app.ecommerce.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;

/**
 * The Vert.x a node runs on, built one way for production and tests: Micrometer metrics into the
 * node's own registry, one event loop per core, the native transport where it loads, and the
 * Hazelcast cluster manager when clustered. {@link Main#deploy(NodeVertx, AppConfig)} deploys a
 * node on it; whoever built it closes it ({@link App#close()} in production, vertx-junit5's
 * extension in tests).
 *
 * @param cluster the cluster manager, or {@code null} on a node of its own
 */
public record NodeVertx(Vertx vertx, Metrics metrics, ClusterManager cluster, int eventLoops) {

  /** A Vert.x of a node of its own (no cluster). */
  public static NodeVertx local() {
    Metrics metrics = new Metrics();
    VertxOptions options = metrics.configure(Main.runtimeOptions());
    Vertx vertx = metrics.install(Vertx.builder()).with(options).build();
    return new NodeVertx(vertx, metrics, null, options.getEventLoopPoolSize());
  }

  /** The Vert.x this configuration asks for: clustered (completes once joined) or local. */
  public static Future<NodeVertx> build(AppConfig config) {
    if (!config.cluster()) {
      return Future.succeededFuture(local());
    }
    Metrics metrics = new Metrics();
    VertxOptions options = metrics.configure(Main.runtimeOptions());
    ClusterManager cluster = Clustering.manager(config);
    VertxBuilder builder = metrics.install(Vertx.builder());
    return Clustering.join(config, builder, options, cluster)
        .map(vertx -> new NodeVertx(vertx, metrics, cluster, options.getEventLoopPoolSize()));
  }

  public Future<Void> close() {
    return vertx.close();
  }
}
