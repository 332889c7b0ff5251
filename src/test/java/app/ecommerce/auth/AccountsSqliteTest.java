package app.ecommerce.auth;

import app.ecommerce.support.TestDatabase;

class AccountsSqliteTest extends AccountsTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }
}
