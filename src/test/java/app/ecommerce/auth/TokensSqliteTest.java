package app.ecommerce.auth;

import app.ecommerce.support.TestDatabase;

class TokensSqliteTest extends TokensTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
