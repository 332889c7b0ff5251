package app.ecommerce.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * The original system's shipped database, {@code ../shared/reference/seed.sqlite3}, opened
 * read-only where it lies. It is never copied into the project.
 */
public final class Seed {
  private Seed() {
  }

  public static Path file() {
    Path seed = Path.of(System.getProperty("project.basedir", "."), "..", "shared", "reference", "seed.sqlite3")
        .normalize();
    if (!Files.isRegularFile(seed)) {
      throw new IllegalStateException("The reference database is missing at " + seed);
    }
    return seed;
  }

  public static Connection open() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return config.createConnection("jdbc:sqlite:" + file());
  }
}
