package app.ecommerce.catalog;

import app.ecommerce.support.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class FullTextSearchMariaDbTest extends FullTextSearchTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }
}
