package app.ecommerce.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A real, empty database for one test class: a temporary SQLite file, or a new database on the
 * MySQL/MariaDB server named by {@code MYSQL_TEST_URL} (dropped afterwards). Never a mock.
 */
public abstract class TestDatabase implements AutoCloseable {

  public abstract String engine();

  /** The {@code DATABASE_URL} the server under test is given. */
  public abstract String url();

  /** A plain JDBC connection for assertions that look at the tables directly. */
  public abstract Connection jdbc() throws SQLException;

  @Override
  public abstract void close();

  /**
   * This database as the server reaches it at another address (through proxies, or as several
   * hosts): the same tables for the test's own assertions, the same clean-up.
   */
  public TestDatabase reachedAt(String url) {
    return reachedAt(url, () -> { });
  }

  /** As {@link #reachedAt(String)}, closing what stands in between (a proxy) before the database. */
  public TestDatabase reachedAt(String url, Runnable closeFirst) {
    TestDatabase real = this;
    return new TestDatabase() {
      @Override
      public String engine() {
        return real.engine();
      }

      @Override
      public String url() {
        return url;
      }

      @Override
      public Connection jdbc() throws SQLException {
        return real.jdbc();
      }

      @Override
      public void close() {
        try {
          closeFirst.run();
        } finally {
          real.close();
        }
      }
    };
  }

  /** A database as the server reaches it through proxies, and the proxies, to cut or freeze. */
  public record Proxied(TestDatabase database, List<TcpProxy> proxies) {
  }

  /**
   * This database as the server reaches it through {@code count} TCP proxies of its own, each
   * named as one host of the URL (two or more: the nodes of a cluster as the server sees them).
   * The proxies close before the database; if one cannot open, this database is closed too.
   */
  public Proxied throughProxies(int count) {
    URI real = URI.create(url());
    List<TcpProxy> proxies = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        proxies.add(new TcpProxy(real.getHost(), real.getPort()));
      }
    } catch (IOException e) {
      proxies.forEach(TcpProxy::close);
      close();
      throw new UncheckedIOException(e);
    }
    String hosts = String.join(",", proxies.stream().map(proxy -> "127.0.0.1:" + proxy.port()).toList());
    String url = url().replace(real.getHost() + ":" + real.getPort() + "/", hosts + "/");
    return new Proxied(reachedAt(url, () -> proxies.forEach(TcpProxy::close)), List.copyOf(proxies));
  }

  public static TestDatabase sqlite() {
    return new Sqlite();
  }

  /** Requires {@code MYSQL_TEST_URL}, e.g. {@code mysql://root@127.0.0.1:3306/test}. */
  public static TestDatabase mariadb() {
    String base = System.getenv("MYSQL_TEST_URL");
    if (base == null || base.isBlank()) {
      throw new IllegalStateException("MYSQL_TEST_URL is not set");
    }
    return new MariaDb(base);
  }

  static final class Sqlite extends TestDatabase {
    private final Path dir;
    private final Path file;

    Sqlite() {
      try {
        dir = Files.createTempDirectory("ecommerce-test");
        file = dir.resolve("test.db");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String engine() {
      return "sqlite";
    }

    @Override
    public String url() {
      return "sqlite:" + file;
    }

    public Path directory() {
      return dir;
    }

    @Override
    public Connection jdbc() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Override
    public void close() {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp dir left behind is harmless
      }
    }
  }

  static final class MariaDb extends TestDatabase {
    private final URI server;
    private final String user;
    private final String password;
    private final String name = "ecommerce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    MariaDb(String base) {
      server = URI.create(base.replaceFirst("^mariadb://", "mysql://"));
      String info = server.getUserInfo() == null ? "root" : server.getUserInfo();
      user = info.split(":", 2)[0];
      password = info.contains(":") ? info.split(":", 2)[1] : "";
      try (Connection c = serverConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot create test database on " + hostPort() + ": " + e.getMessage(), e);
      }
    }

    private String hostPort() {
      return server.getHost() + ":" + (server.getPort() > 0 ? server.getPort() : 3306);
    }

    private Connection serverConnection() throws SQLException {
      return DriverManager.getConnection("jdbc:mariadb://" + hostPort() + "/", user, password);
    }

    @Override
    public String engine() {
      return "mariadb";
    }

    @Override
    public String url() {
      String auth = password.isEmpty() ? user : user + ":" + password;
      return "mysql://" + auth + "@" + hostPort() + "/" + name;
    }

    @Override
    public Connection jdbc() throws SQLException {
      return DriverManager.getConnection("jdbc:mariadb://" + hostPort() + "/" + name, user, password);
    }

    @Override
    public void close() {
      try (Connection c = serverConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("DROP DATABASE IF EXISTS " + name);
      } catch (SQLException ignored) {
        // the next run creates its own database anyway
      }
    }
  }
}
