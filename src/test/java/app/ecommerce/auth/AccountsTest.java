package app.ecommerce.auth;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Jwt;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** register_user, login_user and logout_user (API.md §3.1–3.3). */
abstract class AccountsTest extends EngineTest {
  static final String DUPLICATE = "User with specified email already exists.";
  static final String BAD_CREDENTIALS = "User with specified credentials does not exists.";

  private Sql sql() {
    return new Sql(server.db());
  }

  private static String email() {
    return CatalogFixtures.unique("user") + "@test.example";
  }

  private static JsonObject user(String email) {
    return new JsonObject().put("first_name", "Ada").put("last_name", "Lovelace").put("email", email)
        .put("password", "correct horse").put("timezone", "Europe/London");
  }

  private Api.Response register(JsonObject user) {
    return api.put("register_user").json(user).send();
  }

  @Test
  void registeringReturnsTheNewCustomer() {
    String email = email();
    JsonObject data = Expect.ok(register(user(email)), "User created successfully.");
    Expect.keys(data, "id", "first_name", "last_name", "email", "timezone", "role", "is_active", "created_at",
        "updated_at");
    assertTrue(data.getLong("id") > 0);
    assertEquals("Ada", data.getString("first_name"));
    assertEquals("Lovelace", data.getString("last_name"));
    assertEquals(email, data.getString("email"));
    assertEquals("Europe/London", data.getString("timezone"));
    assertEquals("customer", data.getString("role"));
    assertEquals(true, data.getBoolean("is_active"));
    OffsetDateTime.parse(data.getString("created_at"));
    assertEquals(data.getString("created_at"), data.getString("updated_at"));
    Map<String, Object> row = sql().rows("SELECT id, role, is_active, password_hash, last_login FROM users WHERE email = ?",
        email).get(0);
    assertEquals(data.getLong("id"), ((Number) row.get("id")).longValue());
    assertEquals("customer", row.get("role"));
    assertEquals(1, ((Number) row.get("is_active")).intValue());
    assertTrue(((String) row.get("password_hash")).startsWith("$argon2id$"), () -> "hash " + row.get("password_hash"));
    assertNull(row.get("last_login"));
  }

  @Test
  void theEmailIsStoredLowerCasedAndIsUniqueWhateverItsCase() {
    String local = CatalogFixtures.unique("Mixed.Case");
    JsonObject data = Expect.ok(register(user(local + "@Example.COM")));
    String lower = (local + "@example.com").toLowerCase();
    assertEquals(lower, data.getString("email"));
    assertEquals(1L, sql().number("SELECT COUNT(*) FROM users WHERE email = ?", lower));
    Expect.error(register(user(lower.toUpperCase())), 422, DUPLICATE);
    Expect.ok(api.post("login_user").json(new JsonObject().put("email", local.toUpperCase() + "@EXAMPLE.com")
        .put("password", "correct horse")).send());
  }

  @Test
  void eachRegistrationRuleHasItsMessage() {
    List<List<String>> cases = List.of(
        List.of("first_name", "ab", "String should have at least 3 characters"),
        List.of("first_name", "x".repeat(51), "String should have at most 50 characters"),
        List.of("last_name", "", "String should have at least 3 characters"),
        List.of("last_name", "y".repeat(51), "String should have at most 50 characters"),
        List.of("password", "1234567", "String should have at least 8 characters"),
        List.of("password", "p".repeat(256), "String should have at most 255 characters"),
        List.of("timezone", "Mars/Olympus_Mons", "Value error, timezone must be valid"),
        List.of("timezone", "+05:00", "Value error, timezone must be valid"),
        List.of("email", "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".com",
            "String should have at most 254 characters"));
    for (List<String> c : cases) {
      Expect.invalid(register(user(email()).put(c.get(0), c.get(1))), c.get(0), c.get(2));
    }
    for (String bad : List.of("plainaddress", "two@@signs.example", "@no-local.example", "no-domain@", "dot@nodot",
        "spa ce@example.com", "a..b@example.com", "x@-bad-.example")) {
      JsonObject problems = Expect.invalid(register(user(email()).put("email", bad)));
      assertEquals(List.of("email"), new ArrayList<>(problems.fieldNames()), bad);
      assertTrue(problems.getString("email").startsWith("value is not a valid email address: "), problems::encode);
    }
    JsonObject missing = Expect.invalid(register(new JsonObject()));
    for (String field : List.of("first_name", "last_name", "email", "password", "timezone")) {
      assertEquals("Field required", missing.getString(field), missing::encode);
    }
    JsonObject wrongTypes = Expect.invalid(register(user(email()).put("first_name", 12345).put("password", true)));
    assertEquals("Input should be a valid string", wrongTypes.getString("first_name"));
    assertEquals("Input should be a valid string", wrongTypes.getString("password"));
  }

  @Test
  void aPasswordOfOnlyWhiteSpaceIsRefused() {
    for (String blank : List.of(" ".repeat(8), "\t".repeat(8), " \t \n \r\f ", "\u00A0".repeat(8), "\u3000".repeat(8),
        "\u2003".repeat(4) + " ".repeat(4))) {
      JsonObject problems = Expect.invalid(register(user(email()).put("password", blank)));
      assertEquals(List.of("password"), new ArrayList<>(problems.fieldNames()), problems::encode);
      assertEquals("Password must not be only white space", problems.getString("password"));
    }
    for (String spaced : List.of("  pass word  ", " \u00A0x\u00A0 \t  y ")) {
      Expect.ok(register(user(email()).put("password", spaced)));
    }
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    String local = CatalogFixtures.unique("edge").replace("-", "");
    String longest = local + "e".repeat(64 - local.length()) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
        + "d".repeat(57) + ".com";
    assertEquals(254, longest.length());
    JsonObject data = Expect.ok(register(user(longest).put("first_name", "abc").put("last_name", "z".repeat(50))
        .put("password", "p".repeat(255)).put("timezone", "UTC")));
    assertEquals(longest, data.getString("email"));
    Expect.ok(api.post("login_user").json(new JsonObject().put("email", longest).put("password", "p".repeat(255))).send());
    String email = email();
    Expect.ok(register(user(email).put("password", "12345678").put("first_name", "é世🙂")));
    api.login(email, "12345678");
  }

  @Test
  void aSecondRegistrationOfTheSameEmailIsRefused() {
    String email = email();
    Expect.ok(register(user(email)));
    Expect.error(register(user(email).put("first_name", "Other")), 422, DUPLICATE);
    assertEquals(1L, sql().number("SELECT COUNT(*) FROM users WHERE email = ?", email));
  }

  @Test
  void concurrentRegistrationsOfOneEmailCreateExactlyOneUser() throws Exception {
    String email = email();
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(api.put("register_user").json(user(email)).sendAsync());
    }
    Expect.exactlyOneSucceeds(calls, 422, DUPLICATE);
    assertEquals(1L, sql().number("SELECT COUNT(*) FROM users WHERE email = ?", email));
  }

  @Test
  void loggingInReturnsARecordedBearerToken() {
    String email = email();
    long id = Expect.ok(register(user(email))).getLong("id");
    assertNull(sql().number("SELECT last_login FROM users WHERE id = ?", id));
    long before = System.currentTimeMillis() / 1000;
    JsonObject data = Expect.ok(api.post("login_user").json(new JsonObject().put("email", email)
        .put("password", "correct horse")).send(), "User logged in successfully");
    Expect.keys(data, "access_token", "token_type", "expires_in");
    assertEquals("bearer", data.getString("token_type"));
    assertEquals(3600, data.getInteger("expires_in"));
    String token = data.getString("access_token");
    JsonObject claims = Jwt.claims(token);
    assertEquals(id, claims.getLong("user_id"));
    assertEquals("access", claims.getString("typ"));
    assertEquals("customer", claims.getString("role"));
    assertEquals(email, claims.getString("email"));
    assertEquals(3600, claims.getLong("exp") - claims.getLong("iat"));
    assertTrue(claims.getLong("iat") >= before - 1);
    assertEquals("HS256", new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0])))
        .getString("alg"));

    List<Map<String, Object>> rows = sql().rows("SELECT user_id, expires_at, revoked_at FROM tokens WHERE jti = ?",
        claims.getString("jti"));
    assertEquals(1, rows.size());
    assertEquals(id, ((Number) rows.get(0).get("user_id")).longValue());
    assertEquals(claims.getLong("exp") * 1_000_000, ((Number) rows.get(0).get("expires_at")).longValue());
    assertNull(rows.get(0).get("revoked_at"));
    Long lastLogin = sql().number("SELECT last_login FROM users WHERE id = ?", id);
    assertNotNull(lastLogin);
    assertTrue(lastLogin / 1_000_000 >= before - 1, "last_login " + lastLogin);
    Expect.ok(api.get("get_categories").token(token).send());
  }

  @Test
  void unknownEmailWrongPasswordAndInactiveUserAreTheSameRefusal() {
    String email = email();
    Expect.ok(register(user(email)));
    Expect.error(api.post("login_user").json(new JsonObject().put("email", "nobody-" + email)
        .put("password", "correct horse")).send(), 422, BAD_CREDENTIALS);
    Expect.error(api.post("login_user").json(new JsonObject().put("email", email)
        .put("password", "Correct horse")).send(), 422, BAD_CREDENTIALS);
    String inactive = email();
    Expect.ok(register(user(inactive)));
    assertEquals(1, sql().update("UPDATE users SET is_active = 0 WHERE email = ?", inactive));
    Expect.error(api.post("login_user").json(new JsonObject().put("email", inactive)
        .put("password", "correct horse")).send(), 422, BAD_CREDENTIALS);
    assertNull(sql().number("SELECT last_login FROM users WHERE email = ?", inactive));
    assertEquals(0L, sql().number("SELECT COUNT(*) FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ?",
        inactive));
  }

  @Test
  void loginInputIsValidated() {
    JsonObject problems = Expect.invalid(api.post("login_user").json(new JsonObject()).send());
    assertEquals("Field required", problems.getString("email"));
    assertEquals("Field required", problems.getString("password"));
    Expect.invalid(api.post("login_user").json(new JsonObject().put("email", "a@b.example").put("password", 12345678))
        .send(), "password", "Input should be a valid string");
  }

  @Test
  void afterLogoutTheSameTokenIsRefusedAndOthersAreNot() {
    String email = email();
    Expect.ok(register(user(email)));
    String token = api.login(email, "correct horse");
    String other = api.login(email, "correct horse");
    Expect.ok(api.get("get_categories").token(token).send());
    JsonObject data = Expect.ok(api.post("logout_user").token(token).send(), "User logged out successfully");
    assertEquals(new JsonObject(), data);
    Expect.invalidToken(api.get("get_categories").token(token).send(), "Token has been revoked");
    Expect.invalidToken(api.post("logout_user").token(token).send(), "Token has been revoked");
    assertNotNull(sql().number("SELECT revoked_at FROM tokens WHERE jti = ?", Jwt.claims(token).getString("jti")));
    Expect.ok(api.get("get_categories").token(other).send());
    Expect.unauthorized(api.post("logout_user").send());
  }
}
