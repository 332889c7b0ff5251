package app.ecommerce.auth;

import app.ecommerce.support.TestDatabase;

class LoginBurstSqliteTest extends LoginBurstTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
