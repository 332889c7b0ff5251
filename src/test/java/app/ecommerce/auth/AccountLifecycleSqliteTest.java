package app.ecommerce.auth;

import app.ecommerce.support.TestDatabase;

class AccountLifecycleSqliteTest extends AccountLifecycleTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
