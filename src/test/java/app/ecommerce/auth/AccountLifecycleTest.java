package app.ecommerce.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** get_me, update_me, change_password, get_users and update_user (API.md §5). */
abstract class AccountLifecycleTest extends EngineTest {
  static final String[] USER_KEYS = {"id", "first_name", "last_name", "email", "timezone", "role", "is_active",
      "created_at", "updated_at"};

  private Api.Response patch(String endpoint, String token, JsonObject body) {
    return api.call("PATCH", endpoint).token(token).json(body).send();
  }

  @Test
  void aUserReadsAndEditsTheirOwnRecordAndTheZoneAppliesAtOnce() {
    TestServer.Customer me = server.newCustomer("UTC");
    JsonObject record = Expect.ok(api.get("get_me").token(me.token()).send(), "User retrieved successfully");
    Expect.keys(record, USER_KEYS);
    assertEquals(me.email(), record.getString("email"));
    assertTrue(record.getString("created_at").endsWith("+00:00"));
    JsonObject changed = Expect.ok(patch("update_me", me.token(), new JsonObject().put("first_name", "Renamed")
        .put("timezone", "Asia/Karachi")), "User updated successfully");
    assertEquals("Renamed", changed.getString("first_name"));
    assertEquals("Customer", changed.getString("last_name"));
    assertEquals("Asia/Karachi", changed.getString("timezone"));
    // the same token, at once: the zone of every answer follows
    assertTrue(Expect.ok(api.get("get_me").token(me.token()).send()).getString("created_at").endsWith("+05:00"));
    assertTrue(Expect.ok(api.get("get_categories").token(me.token()).send()).getJsonArray("categories").isEmpty()
        || true);
    Expect.invalid(patch("update_me", me.token(), new JsonObject().put("timezone", "Mars/Olympus")));
    Expect.invalid(patch("update_me", me.token(), new JsonObject().put("first_name", "ab")));
    Expect.unauthorized(api.get("get_me").send());
  }

  @Test
  void changingThePasswordRevokesEveryOtherTokenAtOnceAndKeepsThisOne() {
    TestServer.Customer me = server.newCustomer("UTC");
    String other = api.login(me.email(), me.password());
    Expect.ok(api.get("get_me").token(other).send()); // cached as valid
    Expect.invalid(api.post("change_password").token(me.token()).json(new JsonObject()
        .put("current_password", "wrong-password").put("new_password", "new-password-1")).send(), "current_password",
        "Current password is incorrect");
    assertEquals(1L, new Sql(server.db()).number("SELECT COUNT(*) FROM login_failures WHERE email = ?", me.email()));
    Expect.ok(api.get("get_me").token(other).send());
    Expect.ok(api.post("change_password").token(me.token()).json(new JsonObject()
        .put("current_password", me.password()).put("new_password", "new-password-1")).send(),
        "Password changed successfully");
    Expect.invalidToken(api.get("get_me").token(other).send(), "Token has been revoked");
    Expect.ok(api.get("get_me").token(me.token()).send());
    Expect.error(api.post("login_user").json(new JsonObject().put("email", me.email()).put("password", me.password()))
        .send(), 422);
    Expect.ok(api.get("get_me").token(api.login(me.email(), "new-password-1")).send());
    Expect.invalid(api.post("change_password").token(me.token()).json(new JsonObject()
        .put("current_password", "new-password-1").put("new_password", "short")).send(), "new_password",
        "String should have at least 8 characters");
  }

  @Test
  void adminsListUsersWithSearchAndFilters() {
    TestServer.Customer someone = server.newCustomer("UTC");
    String marker = someone.email().substring(0, someone.email().indexOf('@'));
    JsonObject found = Expect.ok(api.get("get_users").token(admin()).query("q", marker.toUpperCase()).send(),
        "Users retrieved successfully");
    assertEquals(1L, found.getLong("total"));
    Expect.keys(found.getJsonArray("users").getJsonObject(0), USER_KEYS);
    JsonObject admins = Expect.ok(api.get("get_users").token(admin()).query("role", "admin").query("is_active", true)
        .send());
    admins.getJsonArray("users").forEach(u -> assertEquals("admin", ((JsonObject) u).getString("role")));
    assertTrue(admins.getLong("total") >= 1);
    assertEquals(0L, Expect.ok(api.get("get_users").token(admin()).query("q", "%").send()).getLong("total"));
    assertEquals(0L, Expect.ok(api.get("get_users").token(admin()).query("q", "_").send()).getLong("total"));
    Expect.error(api.get("get_users").token(someone.token()).send(), 403);
    Expect.error(patch("update_user", someone.token(), new JsonObject().put("user_id", someone.id())), 403);
  }

  @Test
  void deactivationAndRoleChangesTakeEffectAtOnce() {
    TestServer.Customer user = server.newCustomer("UTC");
    Expect.ok(api.get("get_me").token(user.token()).send());
    JsonObject off = Expect.ok(patch("update_user", admin(), new JsonObject().put("user_id", user.id())
        .put("is_active", false)), "User updated successfully");
    assertEquals(false, off.getBoolean("is_active"));
    Expect.invalidToken(api.get("get_me").token(user.token()).send(), "User is inactive");
    Expect.error(api.post("login_user").json(new JsonObject().put("email", user.email())
        .put("password", user.password())).send(), 422);
    Expect.ok(patch("update_user", admin(), new JsonObject().put("user_id", user.id()).put("is_active", true)));
    String token = api.login(user.email(), user.password());
    Expect.error(api.get("get_users").token(token).send(), 403);
    Expect.ok(patch("update_user", admin(), new JsonObject().put("user_id", user.id()).put("role", "admin")));
    Expect.ok(api.get("get_users").token(token).send()); // the same token, at once
    Expect.ok(patch("update_user", admin(), new JsonObject().put("user_id", user.id()).put("role", "customer")));
    Expect.error(api.get("get_users").token(token).send(), 403);
    Expect.error(patch("update_user", admin(), new JsonObject().put("user_id", 987_654_321L).put("role", "admin")), 404,
        "User not found");
  }

  /** Two admins demoting each other at once: exactly one wins, an active admin always remains. */
  @Test
  void theLastActiveAdminIsKeptEvenUnderARace() {
    Sql sql = new Sql(server.db());
    long self = sql.number("SELECT id FROM users WHERE email = ?", TestServer.ADMIN_EMAIL);
    for (int round = 0; round < 6; round++) {
      // the only active admins are the configured one and a new one
      sql.update("UPDATE users SET role = 'customer' WHERE role = 'admin' AND id <> ?", self);
      TestServer.Customer other = server.newCustomer("UTC");
      Expect.ok(patch("update_user", admin(), new JsonObject().put("user_id", other.id()).put("role", "admin")));
      String change = round % 2 == 0 ? "role" : "is_active";
      Object value = round % 2 == 0 ? "customer" : Boolean.FALSE;
      CompletableFuture<Api.Response> mine = api.call("PATCH", "update_user").token(admin())
          .json(new JsonObject().put("user_id", other.id()).put(change, value)).sendAsync();
      CompletableFuture<Api.Response> theirs = api.call("PATCH", "update_user").token(other.token())
          .json(new JsonObject().put("user_id", self).put(change, value)).sendAsync();
      Api.Response a = mine.join();
      Api.Response b = theirs.join();
      // the loser is refused by the rule (409), or, when the winner committed first, already by its
      // token check (403 demoted, 401 deactivated)
      assertEquals(1, (a.status() == 200 ? 1 : 0) + (b.status() == 200 ? 1 : 0), () -> a + " / " + b);
      for (Api.Response loser : List.of(a, b)) {
        assertTrue(List.of(200, 401, 403, 409).contains(loser.status()), loser::toString);
      }
      assertEquals(1L, sql.number("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = 1"));
      if (b.status() == 200) {
        // the other admin won: it puts the configured admin back, through the API so every cache hears of it
        Expect.ok(patch("update_user", other.token(), new JsonObject().put("user_id", self).put("role", "admin")
            .put("is_active", true)));
      }
      sql.update("UPDATE users SET role = 'customer', is_active = 1 WHERE id = ?", other.id());
    }
    Expect.error(patch("update_user", admin(), new JsonObject().put("user_id", self).put("role", "customer")), 409,
        "The last active admin cannot be deactivated or demoted");
    Expect.error(patch("update_user", admin(), new JsonObject().put("user_id", self).put("is_active", false)), 409);
  }
}
