package app.ecommerce.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB Galera cluster of its own, on loopback, for one test class: started by
 * {@code src/scripts/galera.sh} (the same script {@code ./run.sh cluster N --galera} uses) with
 * data directories under a temporary directory, which {@link #close()} stops and removes. Node
 * numbers are 1-based, as in the script.
 */
public final class GaleraCluster implements AutoCloseable {
  /** The ports a node block needs: SQL, group communication, IST and SST, ten apart. */
  private static final int SPAN = 40;

  private final Path dir;
  private final int base;
  private final int nodes;

  private GaleraCluster(Path dir, int base, int nodes) {
    this.dir = dir;
    this.base = base;
    this.nodes = nodes;
  }

  /** Whether this machine can run Galera nodes (mariadbd, the galera-4 provider, rsync). */
  public static boolean available() {
    return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) && Files.isExecutable(Path.of("/usr/bin/rsync"))
        && (Files.exists(Path.of("/usr/lib/galera/libgalera_smm.so")) || Files.exists(Path.of("/usr/lib/libgalera_smm.so")));
  }

  public static GaleraCluster start(int nodes) {
    try {
      Path dir = Files.createTempDirectory("ecommerce-galera");
      int base = freeBlock();
      GaleraCluster cluster = new GaleraCluster(dir, base, nodes);
      try {
        cluster.script(180, "start", dir.toString(), String.valueOf(base), String.valueOf(nodes));
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
      return cluster;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A base port with the whole block of ports after it free at this moment. */
  private static int freeBlock() {
    for (int tries = 0; tries < 50; tries++) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(30_000);
      if (blockFree(base)) {
        return base;
      }
    }
    throw new IllegalStateException("no free block of " + SPAN + " ports found");
  }

  private static boolean blockFree(int base) {
    for (int port = base; port < base + SPAN; port++) {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress("127.0.0.1", port));
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  public int port(int node) {
    return base + node - 1;
  }

  public int size() {
    return nodes;
  }

  /** Creates a database on the cluster (replicated to every node). */
  public void createDatabase(String name) {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port(1) + "/", "root", "");
         Statement s = c.createStatement()) {
      s.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A database of the cluster as an app node reaches it: through these nodes, in this order (the
   * first one is where the test's own assertions read, unless {@link #jdbc(int, String)}).
   */
  public TestDatabase database(String name, int... through) {
    List<String> hosts = new ArrayList<>();
    for (int node : through) {
      hosts.add("127.0.0.1:" + port(node));
    }
    String url = "mysql://root@" + String.join(",", hosts) + "/" + name;
    int first = through[0];
    return new TestDatabase() {
      @Override
      public String engine() {
        return "mariadb";
      }

      @Override
      public String url() {
        return url;
      }

      @Override
      public Connection jdbc() throws SQLException {
        return GaleraCluster.this.jdbc(first, name);
      }

      @Override
      public void close() {
        // the cluster's close() removes everything
      }
    };
  }

  public Connection jdbc(int node, String database) throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port(node) + "/" + database, "root", "");
  }

  /** kill -9 of one node: a crash. */
  public void kill(int node) {
    script(30, "kill", dir.toString(), String.valueOf(node));
  }

  /** The documented restart after a crash (--wsrep-recover, --wsrep-start-position); returns its output. */
  public String restart(int node) {
    return script(120, "restart", dir.toString(), String.valueOf(node));
  }

  /** A node's error log, for assertions on how it rejoined (IST or SST). */
  public String log(int node) {
    try {
      return Files.readString(dir.resolve("node" + node).resolve("error.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** One status or variable value of a node ({@code SHOW STATUS LIKE name}). */
  public String status(int node, String name) {
    String row = script(30, "sql", dir.toString(), String.valueOf(node), "SHOW STATUS LIKE '" + name + "'").trim();
    return row.contains("\t") ? row.substring(row.indexOf('\t') + 1) : row;
  }

  private String script(int timeoutSeconds, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", scriptPath().toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("galera.sh " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("galera.sh " + args[0] + " failed (" + p.exitValue() + "):\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path scriptPath() {
    return Path.of("src/scripts/galera.sh").toAbsolutePath();
  }

  @Override
  public void close() {
    try {
      script(60, "stop", dir.toString());
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
