package app.ecommerce.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Login throttling (API.md §3.2), counted in the database. "Time passing" is simulated by moving
 * recorded failures back in time, in the real table.
 */
abstract class LoginThrottleTest extends EngineTest {
  private static final long SIXTEEN_MINUTES_MICROS = 16L * 60 * 1_000_000;

  private Api.Response login(String email, String password) {
    return api.post("login_user").json(new JsonObject().put("email", email).put("password", password)).send();
  }

  @AfterEach
  void letTheWindowPass() {
    new Sql(server.db()).update("UPDATE login_failures SET failed_at = failed_at - ?", SIXTEEN_MINUTES_MICROS);
  }

  @Test
  void fiveFailuresForOneEmailBlockItEvenWithTheRightPasswordUntilTheWindowPasses() {
    TestServer.Customer customer = server.newCustomer("UTC");
    for (int i = 0; i < 5; i++) {
      Api.Response wrong = login(customer.email(), "not-the-password");
      assertEquals(422, wrong.status(), wrong::toString);
      assertEquals("User with specified credentials does not exists.", wrong.message());
    }

    Api.Response blocked = login(customer.email(), customer.password());
    assertEquals(429, blocked.status(), blocked::toString);
    assertEquals(false, blocked.json().getBoolean("success"));
    assertEquals(new JsonObject(), blocked.data());
    long retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    assertEquals(429, login(customer.email().toUpperCase(), customer.password()).status(), "e-mail case does not matter");
    assertEquals(5, new Sql(server.db()).number("SELECT COUNT(*) FROM login_failures WHERE email = ?", customer.email()),
        "refused attempts are not counted");

    TestServer.Customer other = server.newCustomer("UTC");
    assertEquals(200, login(other.email(), other.password()).status(), "other e-mails are not affected");

    new Sql(server.db()).update("UPDATE login_failures SET failed_at = failed_at - ? WHERE email = ?",
        SIXTEEN_MINUTES_MICROS, customer.email());
    assertEquals(200, login(customer.email(), customer.password()).status(), "the block lifts when the window passes");
  }

  @Test
  void successfulLoginsAreNeverCounted() {
    TestServer.Customer customer = server.newCustomer("UTC");
    for (int i = 0; i < 4; i++) {
      assertEquals(422, login(customer.email(), "wrong").status());
    }
    for (int i = 0; i < 10; i++) {
      assertEquals(200, login(customer.email(), customer.password()).status());
    }
    assertEquals(4, new Sql(server.db()).number("SELECT COUNT(*) FROM login_failures WHERE email = ?", customer.email()));
  }

  @Test
  void fiftyFailuresFromOneAddressBlockThatAddress() {
    TestServer.Customer fresh = server.newCustomer("UTC");
    for (int i = 0; i < 50; i++) {
      assertEquals(422, login("nobody" + i + "@test.example", "whatever").status());
    }
    Api.Response blocked = login(fresh.email(), fresh.password());
    assertEquals(429, blocked.status(), blocked::toString);
    assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0);
  }
}
