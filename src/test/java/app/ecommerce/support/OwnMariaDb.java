package app.ecommerce.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A MariaDB server of a test's own: its own data directory under a temporary directory
 * ({@code mariadb-install-db}) and its own free port, so that a test may stop it, freeze it
 * ({@code SIGSTOP}) and continue it without touching the shared server other tests use.
 * Root has an empty password and may connect from 127.0.0.1.
 */
public final class OwnMariaDb implements AutoCloseable {
  private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

  private final Path dir;
  private final int port;
  private Process process;

  private OwnMariaDb(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Creates the data directory (a few seconds); the server is not started yet. */
  public static OwnMariaDb install() {
    Assumptions.assumeTrue(Files.isExecutable(MARIADBD), "mariadbd is not installed");
    try {
      Path dir = Files.createTempDirectory("own-mariadb");
      Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"),
          "--auth-root-authentication-method=normal", "--skip-test-db")
          .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
      if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
        throw new IllegalStateException("mariadb-install-db failed; see " + dir.resolve("install.log"));
      }
      return new OwnMariaDb(dir, TestServer.freePort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the server (unless it runs) and waits until it answers. */
  public void start() {
    if (isRunning()) {
      return;
    }
    try {
      process = new ProcessBuilder(MARIADBD.toString(), "--no-defaults", "--user=" + System.getProperty("user.name"),
          "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
          "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
          "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M", "--skip-log-bin",
          "--performance-schema=OFF", "--max-connections=500")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try (Connection c = jdbc("")) {
        return;
      } catch (SQLException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("own mariadbd did not start; see " + dir.resolve("server.log"), notYet);
        }
        sleep(100);
      }
    }
  }

  /** A clean shutdown (SIGTERM), waited for. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGSTOP: the server keeps its sockets (the kernel still accepts connections) and answers nothing. */
  public void freeze() {
    signal("STOP");
  }

  /** SIGCONT: the server carries on where it stopped. */
  public void thaw() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Connection jdbc(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?connectTimeout=2000",
        "root", "");
  }

  /** Runs statements as root. */
  public void execute(String... statements) {
    try (Connection c = jdbc(""); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new empty database on this server, as the {@link TestDatabase} the server under test uses. */
  public TestDatabase database(String name) {
    execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    return new TestDatabase() {
      @Override
      public String engine() {
        return "mariadb";
      }

      @Override
      public String url() {
        return "mysql://root@127.0.0.1:" + port + "/" + name;
      }

      @Override
      public Connection jdbc() throws SQLException {
        return OwnMariaDb.this.jdbc(name);
      }

      @Override
      public void close() {
        // dropped with the whole server
      }
    };
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      thaw();
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
