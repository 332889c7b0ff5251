package app.ecommerce.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.sqlclient.SqlConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of a database cluster (a {@code DATABASE_URL} with several hosts) and which of them
 * answer now. The pools ask it where to open each new connection ({@link #nextLive()}): the next
 * live node in turn, so connections spread over the nodes. A monitor keeps one connection per node
 * and runs {@link #PROBE} on it every {@link #PROBE_PERIOD_MS}: a node whose probe fails (it is
 * down, or a Galera node outside the primary component, which refuses every statement with 1047)
 * gets no new connections until a probe succeeds again; its pooled connections break on their own
 * (a closed socket) or are dropped at their first refused statement ({@link Dialect#brokeConnection}).
 * Hand-written: Vert.x's list of connect options ({@code connectingTo(List)}) takes the nodes in
 * turn whether they answer or not, so a third of new connections failed while one of three was down.
 */
final class ClusterHosts {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterHosts.class);
  /** Fails with 1047 on a Galera node that is not ready for clients, as any statement would. */
  static final String PROBE = "SELECT 1";
  static final long PROBE_PERIOD_MS = 1_000;

  private final Vertx vertx;
  private final List<Node> nodes = new ArrayList<>();
  private final AtomicInteger turn = new AtomicInteger();
  private long timer = -1;
  /** Set once a new connection found its server to be a Galera node ({@link #sawGaleraNode()}). */
  private volatile boolean galera;

  private static final class Node {
    final MySQLConnectOptions options;
    volatile boolean live = true;
    MySQLConnection monitor;
    boolean probing;

    Node(MySQLConnectOptions options) {
      this.options = options;
    }
  }

  ClusterHosts(Vertx vertx, List<MySQLConnectOptions> options) {
    this.vertx = vertx;
    options.forEach(o -> nodes.add(new Node(o)));
  }

  /** Starts the monitor (only worth it with more than one node: one node is simply used or not). */
  ClusterHosts start() {
    if (nodes.size() > 1) {
      timer = vertx.setPeriodic(PROBE_PERIOD_MS, id -> nodes.forEach(this::probe));
    }
    return this;
  }

  /** For {@code connectingTo(Supplier)}: where the next new connection goes. */
  Supplier<Future<SqlConnectOptions>> supplier() {
    return () -> Future.succeededFuture(nextLive());
  }

  /** The next live node in turn; when none is known live, the next node anyway (it may be back). */
  SqlConnectOptions nextLive() {
    int size = nodes.size();
    int start = Math.floorMod(turn.getAndIncrement(), size);
    for (int i = 0; i < size; i++) {
      Node node = nodes.get((start + i) % size);
      if (node.live) {
        return node.options;
      }
    }
    return nodes.get(start).options;
  }

  int size() {
    return nodes.size();
  }

  /** A new connection's server said it is a Galera node ({@link MysqlDialect#GALERA_NODE}). */
  void sawGaleraNode() {
    galera = true;
  }

  /**
   * Whether a row may also be written through another database node than the one a connection of
   * this node is on: several nodes named, or a Galera node (whose cluster other app nodes may reach
   * through other DB nodes, whatever this URL names). One server alone: no.
   */
  boolean rowsWrittenThroughOtherNodes() {
    return nodes.size() > 1 || galera;
  }

  private void probe(Node node) {
    if (node.probing) {
      return; // the last probe of this node has not answered yet: a hanging node stays as it was
    }
    node.probing = true;
    Future<MySQLConnection> connection = node.monitor != null ? Future.succeededFuture(node.monitor)
        : MySQLConnection.connect(vertx, node.options);
    connection.compose(conn -> {
      node.monitor = conn;
      return conn.query(PROBE).execute();
    }).onComplete(probed -> {
      node.probing = false;
      if (probed.succeeded()) {
        if (!node.live) {
          LOG.info("Database node {}:{} answers again; new connections may go to it",
              node.options.getHost(), node.options.getPort());
        }
        node.live = true;
        return;
      }
      if (node.live) {
        LOG.warn("Database node {}:{} does not answer ({}); no new connections go to it until it does",
            node.options.getHost(), node.options.getPort(), probed.cause().getMessage());
      }
      node.live = false;
      if (node.monitor != null) {
        node.monitor.close();
        node.monitor = null;
      }
    });
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    nodes.forEach(node -> {
      if (node.monitor != null) {
        node.monitor.close();
      }
    });
  }
}
