package app.ecommerce.http;

import app.ecommerce.support.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class HostileInputMariaDbTest extends HostileInputTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }

  /** The validation cases ran on SQLite: their answer does not depend on the database. */
  @Override
  protected boolean runsEngineIndependentCases() {
    return false;
  }
}
