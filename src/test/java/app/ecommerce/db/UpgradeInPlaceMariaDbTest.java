package app.ecommerce.db;

import app.ecommerce.support.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class UpgradeInPlaceMariaDbTest extends UpgradeInPlaceTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }
}
