package app.ecommerce.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations of {@code sql/<engine>} (packed into the jar) before the services are
 * deployed. Blocking: it runs on a worker thread at start-up, retried until the database answers.
 * Flyway's own lock makes concurrent starts of several nodes against one MySQL database safe.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  /** @return true when the database had no schema before this call (a brand-new database) */
  public static boolean migrate(DatabaseUrl url) {
    var configuration = Flyway.configure()
        .locations("classpath:sql/" + (url.engine() == DatabaseUrl.Engine.SQLITE ? "sqlite" : "mysql"))
        .failOnMissingLocations(true);
    if (url.engine() == DatabaseUrl.Engine.SQLITE) {
      configuration.dataSource(Database.sqliteDataSource(url));
    } else {
      // a bounded connect, so that a database that went away again is retried rather than awaited
      configuration.dataSource(url.jdbcUrl() + "?useUnicode=true&characterEncoding=utf8&connectTimeout=5000",
          url.user(), url.password());
    }
    MigrateResult result = configuration.load().migrate();
    boolean fresh = result.initialSchemaVersion == null || result.initialSchemaVersion.isBlank();
    LOG.info("Database schema at version {} ({} migration(s) applied{})",
        result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
        result.migrationsExecuted, fresh ? ", new database" : "");
    return fresh;
  }
}
