package app.ecommerce.cluster;

import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigException;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.XmlConfigBuilder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A clustered Vert.x over Hazelcast (CLUSTER=true): TCP/IP join on {@code CLUSTER_MEMBERS}, this
 * node on {@code CLUSTER_HOST:CLUSTER_PORT}, the event bus on the same host. Refuses set-ups that
 * cannot work across nodes: SQLite (a file of one machine) and a JWT key each node would
 * generate for itself.
 */
public final class Clustering {
  private static final String CONFIG = "conf/cluster.xml";

  private Clustering() {
  }

  /** @throws ConfigException when this configuration cannot run clustered */
  public static void check(AppConfig config) {
    if (config.isSqlite()) {
      throw new ConfigException("CLUSTER=true needs a database that every node shares: set DATABASE_URL to"
          + " mysql://user:pass@host:3306/db (SQLite is a file on one machine)");
    }
    if (config.jwtSecret() == null) {
      throw new ConfigException("CLUSTER=true needs JWT_SECRET set to the same value (at least 32 bytes) on every"
          + " node, or a token issued by one node would be refused by the others");
    }
  }

  /** The Hazelcast cluster manager of this node; {@link ClusterManager#getNodes()} is the cluster view. */
  public static ClusterManager manager(AppConfig config) {
    return new HazelcastClusterManager(hazelcastConfig(config));
  }

  /** Builds a clustered Vert.x: completes once this node has joined. */
  public static Future<Vertx> join(AppConfig config, VertxBuilder builder, VertxOptions options, ClusterManager manager) {
    options.setEventBusOptions(new EventBusOptions().setHost(config.clusterHost()).setClusterPublicHost(config.clusterHost()));
    return builder.with(options).withClusterManager(manager).buildClustered();
  }

  static Config hazelcastConfig(AppConfig app) {
    Config config = load();
    config.setProperty("hazelcast.local.localAddress", app.clusterHost());
    config.getNetworkConfig().setPort(app.clusterPort()).setPortAutoIncrement(false);
    config.getNetworkConfig().setInterfaces(new InterfacesConfig().setEnabled(true).addInterface(app.clusterHost()));
    var tcpIp = config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true);
    tcpIp.clear();
    tcpIp.addMember(app.clusterHost() + ":" + app.clusterPort());
    app.clusterMembers().forEach(tcpIp::addMember);
    return config;
  }

  /** conf/cluster.xml from the working directory when present, else the copy in the jar. */
  private static Config load() {
    Path local = Path.of(CONFIG);
    try {
      if (Files.isRegularFile(local)) {
        return new FileSystemXmlConfig(local.toFile());
      }
      try (InputStream in = Clustering.class.getClassLoader().getResourceAsStream(CONFIG)) {
        if (in == null) {
          throw new IllegalStateException(CONFIG + " is missing from the jar");
        }
        return new XmlConfigBuilder(in).build();
      }
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + CONFIG + ": " + e.getMessage());
    }
  }
}
