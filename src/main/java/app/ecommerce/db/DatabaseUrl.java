package app.ecommerce.db;

import app.ecommerce.config.ConfigException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DATABASE_URL} parsed: {@code sqlite:<file>} (also {@code jdbc:sqlite:<file>}) or
 * {@code mysql://user:pass@host:port/db} (also {@code mariadb://}), where the host may be a
 * comma-separated list of the nodes of one cluster ({@code h1:3311,h2:3312,h3:3313}, MariaDB Galera):
 * the pool spreads its connections over the live ones, migrations and tools use the first live one.
 */
public record DatabaseUrl(Engine engine, Path sqliteFile, List<Host> hosts, String database,
                          String user, String password) {

  public enum Engine { SQLITE, MYSQL }

  /** One database server (one node of a cluster). */
  public record Host(String name, int port) {
    @Override
    public String toString() {
      return name + ":" + port;
    }
  }

  /** The first host of the list: the only one of a single-server URL. */
  public String host() {
    return hosts.get(0).name();
  }

  public int port() {
    return hosts.get(0).port();
  }

  /** {@code h1:3311,h2:3312}: the hosts as the URL names them. */
  public String hostList() {
    return String.join(",", hosts.stream().map(Host::toString).toList());
  }

  public static DatabaseUrl parse(String url) {
    if (url.startsWith("jdbc:sqlite:") || url.startsWith("sqlite:")) {
      String file = url.substring(url.indexOf("sqlite:") + 7);
      if (file.startsWith("//")) {
        file = file.substring(2);
      }
      if (file.isBlank() || file.contains(":memory:")) {
        throw new ConfigException("DATABASE_URL: SQLite needs a file (e.g. sqlite:data/ecommerce.db), not '" + url + "'");
      }
      return new DatabaseUrl(Engine.SQLITE, Path.of(file), List.of(), null, null, null);
    }
    if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        // the JDK's message quotes the whole URL, password included: never let it reach a log
        throw new ConfigException("DATABASE_URL is not a valid URL (characters such as spaces in the password "
            + "must be percent-encoded): '" + url.replaceAll("//([^:/@]*):[^/]*@", "//$1:***@") + "'");
      }
      String user = "root";
      String password = "";
      String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String[] parts = authority.substring(0, at).split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : "";
      }
      String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      List<Host> hosts = hosts(authority.substring(at + 1));
      if (hosts == null || db.isEmpty()) {
        throw new ConfigException("DATABASE_URL must look like mysql://user:pass@host:3306/database (or several "
            + "hosts: mysql://user:pass@h1:3306,h2:3306/database), not '"
            + url.replaceAll("//([^:/@]*):[^/]*@", "//$1:***@") + "'");
      }
      return new DatabaseUrl(Engine.MYSQL, null, hosts, db, user, password);
    }
    throw new ConfigException("DATABASE_URL must start with sqlite: or mysql:// (got '" + url.split(":")[0] + ":...')");
  }

  /**
   * The JDBC address Flyway and the command-line tools use (the server itself uses the Vert.x
   * clients). Several hosts: MariaDB Connector/J's {@code sequential} mode, which connects to the
   * first host of the list that answers, so that every node's migrations and tools talk to the
   * same live node.
   */
  public String jdbcUrl() {
    if (engine == Engine.SQLITE) {
      return "jdbc:sqlite:" + sqliteFile;
    }
    return (hosts.size() == 1 ? "jdbc:mariadb://" : "jdbc:mariadb:sequential://") + hostList() + "/" + database;
  }

  /** {@code h1:3311,h2} -> hosts (3306 when the port is left out); null when any part is not a host. */
  private static List<Host> hosts(String list) {
    List<Host> hosts = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      java.util.regex.Matcher m = HOST.matcher(part);
      if (!m.matches()) {
        return null;
      }
      int port = m.group(2) == null ? 3306 : Integer.parseInt(m.group(2));
      if (port < 1 || port > 65_535) {
        return null;
      }
      hosts.add(new Host(m.group(1), port));
    }
    return hosts.isEmpty() ? null : List.copyOf(hosts);
  }

  private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("([A-Za-z0-9._-]+)(?::(\\d{1,5}))?");

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
