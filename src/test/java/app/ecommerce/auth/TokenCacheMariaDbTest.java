package app.ecommerce.auth;

import app.ecommerce.support.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
class TokenCacheMariaDbTest extends TokenCacheTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.mariadb();
  }
}
