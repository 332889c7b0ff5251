package app.ecommerce.tools;

import app.ecommerce.support.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class GeneratedCatalogMariaDbTest extends GeneratedCatalogTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }
}
