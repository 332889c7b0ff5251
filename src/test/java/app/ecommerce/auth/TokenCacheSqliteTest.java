package app.ecommerce.auth;

import app.ecommerce.support.TestDatabase;

class TokenCacheSqliteTest extends TokenCacheTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
