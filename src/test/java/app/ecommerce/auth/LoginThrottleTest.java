package app.ecommerce.auth;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login throttling (API.md §3.2), counted in the database. "Time passing" is simulated by moving
 * recorded failures back in time, in the real table.
 */
abstract class LoginThrottleTest extends EngineTest {
  private static final long SIXTEEN_MINUTES_MICROS = 16L * 60 * 1_000_000;

  private Api.Response login(String email, String password) {
    return api.post("login_user").json(new JsonObject().put("email", email).put("password", password)).send();
  }

  private CompletableFuture<Api.Response> loginAsync(String email, String password) {
    return api.post("login_user").json(new JsonObject().put("email", email).put("password", password)).sendAsync();
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

  /**
   * Every attempt is counted before its password is checked, atomically in the database: 40 sent
   * at once for one e-mail check at most 5 passwords (each check answers 200 or 422; a refusal
   * before the check is a 429), and the right password, sent last, does not get in.
   */
  @Test
  void fortyAttemptsAtOnceForOneEmailCheckAtMostFivePasswordsAndTheRightOneDoesNotGetIn() {
    TestServer.Customer customer = server.newCustomer("UTC");
    List<CompletableFuture<Api.Response>> sent = new ArrayList<>();
    for (int i = 0; i < 39; i++) {
      sent.add(loginAsync(customer.email(), "wrong-password-" + i));
    }
    sent.add(loginAsync(customer.email(), customer.password()));
    List<Api.Response> answers = sent.stream().map(CompletableFuture::join).toList();

    Map<Integer, Integer> counts = Api.statuses(answers);
    assertEquals(0, counts.getOrDefault(200, 0), () -> "the right password got in: " + counts);
    int checked = counts.getOrDefault(422, 0);
    assertEquals(5, checked, () -> "passwords checked (422): at most 5, and the waiting ones were not lost: " + counts);
    assertEquals(40, checked + counts.getOrDefault(429, 0), counts::toString);
    answers.stream().filter(r -> r.status() == 429).forEach(r -> assertTrue(Long.parseLong(r.header("Retry-After")) > 0));
    Sql sql = new Sql(server.db());
    assertEquals((long) checked, sql.number("SELECT COUNT(*) FROM login_failures WHERE email = ?", customer.email()));
    assertEquals(0L, sql.number("SELECT COUNT(*) FROM login_attempts"), "every attempt was settled");
  }

  /** 150 attempts at once from one address, all for unknown e-mails: at most 50 passwords checked. */
  @Test
  void aHundredAndFiftyAttemptsAtOnceFromOneAddressCheckAtMostFifty() {
    String run = "burst" + System.nanoTime();
    List<CompletableFuture<Api.Response>> sent = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      sent.add(loginAsync(run + "-" + i + "@test.example", "whatever-password"));
    }
    List<Api.Response> answers = sent.stream().map(CompletableFuture::join).toList();

    Map<Integer, Integer> counts = Api.statuses(answers);
    int checked = counts.getOrDefault(422, 0);
    assertEquals(50, checked, () -> "passwords checked (422): at most 50, and the waiting ones were not lost: " + counts);
    assertEquals(150, checked + counts.getOrDefault(429, 0), counts::toString);
    assertEquals((long) checked, new Sql(server.db()).number(
        "SELECT COUNT(*) FROM login_failures WHERE email LIKE ?", run + "-%"));
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
