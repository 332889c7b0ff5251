package app.ecommerce.auth;

import app.ecommerce.support.TestDatabase;

class LoginThrottleSqliteTest extends LoginThrottleTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
