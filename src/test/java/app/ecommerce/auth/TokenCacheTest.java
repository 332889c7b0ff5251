package app.ecommerce.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Jwt;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The node's token cache and revocation list hold only what can still serve: an entry leaves when
 * its token is revoked or expires, not when 100,000 later logins push it out. Read through the
 * gauges of /metrics, on a server of its own so that no other test's tokens are counted.
 */
abstract class TokenCacheTest extends EngineTest {
  private static final String CACHED = "auth_token_cache_entries";
  private static final String REVOKED = "auth_revoked_tokens";

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private int gauge(String name) {
    String body = server.management().get("/metrics").send().body();
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(body);
    if (!m.find()) {
      throw new AssertionError(name + " is not in /metrics");
    }
    return (int) Double.parseDouble(m.group(1));
  }

  /** Polls the gauge for up to a few sweeps; returns its last value. */
  private int awaitGauge(String name, IntPredicate wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    int value = gauge(name);
    while (!wanted.test(value) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      value = gauge(name);
    }
    return value;
  }

  /** A customer whose token's row says it expires in {@code seconds}. */
  private TestServer.Customer expiringIn(long seconds) {
    TestServer.Customer c = server.newCustomer("UTC");
    new Sql(server.db()).update("UPDATE tokens SET expires_at = ? WHERE jti = ?", (now() + seconds) * 1_000_000,
        Jwt.claims(c.token()).getString("jti"));
    return c;
  }

  @Test
  void entriesLeaveWhenTheirTokenIsRevokedOrExpires() throws Exception {
    assertEquals(0, gauge(CACHED), "no bearer token used yet");
    assertEquals(0, gauge(REVOKED));

    TestServer.Customer leaving = expiringIn(12);
    Expect.ok(api.get("get_me").token(leaving.token()).send());
    assertEquals(1, gauge(CACHED));
    Expect.ok(api.post("logout_user").token(leaving.token()).send());
    assertEquals(0, gauge(CACHED), "a revoked token's entry leaves at once");
    assertEquals(1, awaitGauge(REVOKED, v -> v == 1), "the revocation is remembered while the token lives");
    Expect.invalidToken(api.get("get_me").token(leaving.token()).send(), "Token has been revoked");

    TestServer.Customer expiring = expiringIn(4);
    Expect.ok(api.get("get_me").token(expiring.token()).send());
    assertEquals(1, gauge(CACHED));
    assertEquals(0, awaitGauge(CACHED, v -> v == 0), "an expired token's entry leaves");
    assertEquals(0, awaitGauge(REVOKED, v -> v == 0), "so does the revocation of an expired token");
    // forgotten here, still refused: the auth service reads the revocation from the database
    Expect.invalidToken(api.get("get_me").token(leaving.token()).send(), "Token has been revoked");
    Expect.invalidToken(api.get("get_me").token(expiring.token()).send(), "Token has expired");
  }
}
