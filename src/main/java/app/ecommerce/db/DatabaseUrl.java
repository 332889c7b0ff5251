package app.ecommerce.db;

import app.ecommerce.config.ConfigException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code DATABASE_URL} parsed: {@code sqlite:<file>} (also {@code jdbc:sqlite:<file>}) or
 * {@code mysql://user:pass@host:port/db} (also {@code mariadb://}).
 */
public record DatabaseUrl(Engine engine, Path sqliteFile, String host, int port, String database,
                          String user, String password) {

  public enum Engine { SQLITE, MYSQL }

  public static DatabaseUrl parse(String url) {
    if (url.startsWith("jdbc:sqlite:") || url.startsWith("sqlite:")) {
      String file = url.substring(url.indexOf("sqlite:") + 7);
      if (file.startsWith("//")) {
        file = file.substring(2);
      }
      if (file.isBlank() || file.contains(":memory:")) {
        throw new ConfigException("DATABASE_URL: SQLite needs a file (e.g. sqlite:data/ecommerce.db), not '" + url + "'");
      }
      return new DatabaseUrl(Engine.SQLITE, Path.of(file), null, 0, null, null, null);
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
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : "";
      }
      String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      if (uri.getHost() == null || db.isEmpty()) {
        throw new ConfigException("DATABASE_URL must look like mysql://user:pass@host:3306/database, not '"
            + url.replaceAll("//([^:/@]*):[^/]*@", "//$1:***@") + "'");
      }
      return new DatabaseUrl(Engine.MYSQL, null, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 3306, db, user, password);
    }
    throw new ConfigException("DATABASE_URL must start with sqlite: or mysql:// (got '" + url.split(":")[0] + ":...')");
  }

  /** The JDBC address Flyway and the command-line tools use (the server itself uses the Vert.x clients). */
  public String jdbcUrl() {
    return engine == Engine.SQLITE
        ? "jdbc:sqlite:" + sqliteFile
        : "jdbc:mariadb://" + host + ":" + port + "/" + database;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
