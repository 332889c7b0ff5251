package app.ecommerce.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations of {@code sql/<engine>} (packed into the jar) before the services are
 * deployed. Blocking: it runs on a worker thread at start-up, retried until the database answers.
 *
 * <p>On MySQL/MariaDB every node migrates through one designated database server, the first of the
 * URL's hosts in sorted order that accepts a connection, and only while it holds a named lock
 * ({@code GET_LOCK}) on that server: the others wait there, then find the schema up to date.
 * Flyway's own lock is not enough on MariaDB Galera, where Flyway 11 takes it with
 * {@code SELECT ... FOR UPDATE} on its history table and every DDL statement's implicit commit
 * releases it; {@code GET_LOCK} lasts as long as the session, whatever it commits, but holds on
 * one server only (not replicated), hence one designated server for all nodes. Sorted, so that
 * app nodes whose URLs list the hosts in different orders still designate the same one.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** How long a node waits for another node's migration before its start-up attempt fails (and is retried). */
  static final int LOCK_WAIT_SECONDS = 600;
  static final String LOCK = "SELECT GET_LOCK(?, ?)";
  private static final String JDBC_OPTIONS = "?useUnicode=true&characterEncoding=utf8&connectTimeout=5000";

  private Migrations() {
  }

  /** @return true when the database had no schema before this call (a brand-new database) */
  public static boolean migrate(DatabaseUrl url) {
    var configuration = Flyway.configure()
        .locations("classpath:sql/" + (url.engine() == DatabaseUrl.Engine.SQLITE ? "sqlite" : "mysql"))
        .failOnMissingLocations(true);
    if (url.engine() == DatabaseUrl.Engine.SQLITE) {
      configuration.dataSource(Database.sqliteDataSource(url));
      return run(configuration);
    }
    SQLException unreachable = null;
    for (DatabaseUrl.Host host : url.hosts().stream().sorted(Comparator.comparing(DatabaseUrl.Host::toString)).toList()) {
      // a bounded connect, so that a database that went away again is retried rather than awaited
      String jdbc = "jdbc:mariadb://" + host + "/" + url.database() + JDBC_OPTIONS;
      Connection connection;
      try {
        connection = DriverManager.getConnection(jdbc, url.user(), url.password());
      } catch (SQLException e) {
        unreachable = e;
        continue;
      }
      try (Connection lock = connection) {
        String name = "ecommerce-migrations:" + url.database();
        try (PreparedStatement s = lock.prepareStatement(LOCK)) {
          s.setString(1, name.length() > 64 ? name.substring(0, 64) : name);
          s.setInt(2, LOCK_WAIT_SECONDS);
          try (ResultSet rs = s.executeQuery()) {
            if (!rs.next() || rs.getInt(1) != 1) {
              throw new SQLException("Another node held the migration lock on " + host + " for " + LOCK_WAIT_SECONDS + " s");
            }
          }
        }
        configuration.dataSource(jdbc, url.user(), url.password());
        return run(configuration);
      } catch (SQLException e) { // closing the session (above) has released the lock
        throw new IllegalStateException("Cannot take the migration lock on " + host + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException("No database host answers: " + unreachable.getMessage(), unreachable);
  }

  private static boolean run(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
    MigrateResult result = configuration.load().migrate();
    boolean fresh = result.initialSchemaVersion == null || result.initialSchemaVersion.isBlank();
    LOG.info("Database schema at version {} ({} migration(s) applied{})",
        result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
        result.migrationsExecuted, fresh ? ", new database" : "");
    return fresh;
  }
}
