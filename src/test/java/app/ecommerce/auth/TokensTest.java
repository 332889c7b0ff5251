package app.ecommerce.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Jwt;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens (API.md §3.2): only a recorded, unrevoked, unexpired HS256 token of an active user
 * is accepted, and the role comes from the user record. Every bad token is built by hand here.
 */
abstract class TokensTest extends EngineTest {

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** A signed-in customer whose token has not been used yet, and that token's claims. */
  private record Session(TestServer.Customer customer, JsonObject claims) {
  }

  private Session session() {
    TestServer.Customer c = server.newCustomer("UTC");
    return new Session(c, Jwt.claims(c.token()));
  }

  private Api.Response categoriesWith(String token) {
    return api.get("get_categories").token(token).send();
  }

  /** A well-formed HS256 token of these claims with the server's key, signed by vertx-auth-jwt. */
  private String sign(JsonObject claims) {
    return Jwt.sign(server.app().vertx(), claims);
  }

  private static final String INVALID = "Invalid token";
  private static final String EXPIRED = "Token has expired";
  private static final String REVOKED = "Token has been revoked";
  private static final String MALFORMED = "Authorization header must be 'Bearer <token>'";

  @Test
  void theIssuedTokenIsAccepted() {
    Expect.ok(categoriesWith(session().customer().token()));
  }

  @Test
  void aTokenWithTheWrongSignatureIsRefused() {
    JsonObject claims = session().claims();
    Expect.invalidToken(categoriesWith(Jwt.sign(server.app().vertx(), "HS256", claims,
        "another-secret-that-is-also-long-enough!!")), INVALID);
    String real = sign(claims);
    String flipped = real.substring(0, real.length() - 2) + (real.endsWith("AA") ? "BB" : "AA");
    Expect.invalidToken(categoriesWith(flipped), INVALID);
    Expect.invalidToken(categoriesWith(real.substring(0, real.lastIndexOf('.') + 1)), INVALID);
  }

  /**
   * Base64url leaves the low bits of a signature's last character unused, so several spellings
   * decode to the same 32 bytes: only the canonical one is the token; the others are forgeries of
   * its text, whatever library checks the signature.
   */
  @Test
  void aSignatureSpelledOtherThanCanonicallyIsRefused() {
    String token = session().customer().token();
    Expect.ok(categoriesWith(token));
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(token.charAt(token.length() - 1));
    assertEquals(0, last & 3, "an HS256 signature's last character carries four bits, the two low ones zero");
    for (int unused = 1; unused <= 3; unused++) {
      String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(last | unused);
      Expect.invalidToken(categoriesWith(respelled), INVALID);
    }
    // the decoder also takes padding, and String.split drops trailing empty segments: more
    // spellings of the same token, which vertx-auth-jwt accepts on its own
    for (String respelled : List.of(token + "=", token + ".", token + "..", token + ".x", token + "." + token)) {
      Expect.invalidToken(categoriesWith(respelled), INVALID);
    }
    Expect.ok(categoriesWith(token));
  }

  @Test
  void onlyHs256IsAccepted() {
    JsonObject claims = session().claims();
    Expect.invalidToken(categoriesWith(Jwt.unsigned(new JsonObject().put("alg", "none").put("typ", "JWT"), claims)),
        INVALID);
    Expect.invalidToken(categoriesWith(Jwt.forge(new JsonObject().put("alg", "none"), claims, TestServer.JWT_SECRET)),
        INVALID);
    Expect.invalidToken(categoriesWith(Jwt.forge(new JsonObject().put("alg", "HS512"), claims, TestServer.JWT_SECRET)),
        INVALID);
    Expect.invalidToken(categoriesWith(Jwt.forge(new JsonObject().put("typ", "JWT"), claims, TestServer.JWT_SECRET)),
        INVALID);
    // genuine tokens of the other HMAC algorithms, with the server's own key
    for (String algorithm : List.of("HS384", "HS512")) {
      Expect.invalidToken(categoriesWith(Jwt.sign(server.app().vertx(), algorithm, claims, TestServer.JWT_SECRET)),
          INVALID);
    }
    // the same claims with the right header are fine: only the header made the difference
    Expect.ok(categoriesWith(Jwt.forge(Jwt.HS256, claims, TestServer.JWT_SECRET)));
    Expect.ok(categoriesWith(sign(claims)));
  }

  @Test
  void tokensWithoutRequiredClaimsAreRefused() {
    JsonObject claims = session().claims();
    for (String claim : List.of("exp", "iat", "jti", "user_id", "typ")) {
      JsonObject without = claims.copy();
      without.remove(claim);
      Expect.invalidToken(categoriesWith(sign(without)), INVALID);
    }
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("typ", "refresh"))), INVALID);
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("iat", now() + 3600))), INVALID);
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("exp", String.valueOf(now() + 3600)))), INVALID);
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("iat", String.valueOf(now())))), INVALID);
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("user_id", "1"))), INVALID);
    // another node's clock may run a little ahead
    Expect.ok(categoriesWith(sign(claims.copy().put("iat", now() + 30))));
  }

  @Test
  void anExpiredTokenIsRefusedEvenWhenItsRecordIsStillValid() {
    JsonObject claims = session().claims();
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("exp", now() - 120).put("iat", now() - 3720))), EXPIRED);
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("exp", now() - 1))), EXPIRED);
  }

  @Test
  void aTokenAcceptedBeforeIsRefusedOnceItsExpPasses() throws InterruptedException {
    // accepted once, the token is served from the node's cache; the cache must still honour exp
    JsonObject claims = session().claims();
    long exp = now() + 2;
    String shortLived = sign(claims.copy().put("exp", exp));
    Expect.ok(categoriesWith(shortLived));
    while (now() < exp) {
      Thread.sleep(100);
    }
    Expect.invalidToken(categoriesWith(shortLived), EXPIRED);
  }

  @Test
  void aTokenThatExpiredInTheTableIsRefused() {
    Session s = session();
    new Sql(server.db()).update("UPDATE tokens SET expires_at = ? WHERE jti = ?", (now() - 10) * 1_000_000,
        s.claims().getString("jti"));
    Expect.invalidToken(categoriesWith(s.customer().token()), EXPIRED);
  }

  @Test
  void aCorrectlySignedTokenThatWasNeverIssuedIsRefused() {
    JsonObject claims = session().claims();
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("jti", UUID.randomUUID().toString()))), INVALID);
    // a recorded jti presented for another user is not that user's token
    Session other = session();
    Expect.invalidToken(categoriesWith(sign(claims.copy().put("user_id", other.customer().id()))), INVALID);
  }

  @Test
  void aRevokedTokenIsRefusedHoweverItIsDressed() {
    Session s = session();
    Expect.ok(api.post("logout_user").token(s.customer().token()).send());
    Expect.invalidToken(categoriesWith(s.customer().token()), REVOKED);
    Expect.invalidToken(categoriesWith(sign(s.claims().copy().put("exp", now() + 7200))), REVOKED);
  }

  @Test
  void aLogoutIsRefusedOnThisNodeEvenBeforeItsPublishedRevocationArrives() throws Exception {
    // the revocation travels on the bus, like to another node; here it is held back a while
    Vertx vertx = server.app().vertx();
    Handler<DeliveryContext<Object>> slowRevocations = delivery -> {
      if (AuthContract.REVOKED.equals(delivery.message().address())) {
        vertx.setTimer(2_000, id -> delivery.next());
      } else {
        delivery.next();
      }
    };
    vertx.eventBus().addOutboundInterceptor(slowRevocations);
    try {
      Session s = session();
      Expect.ok(categoriesWith(s.customer().token()));
      Expect.ok(api.post("logout_user").token(s.customer().token()).send());
      Expect.invalidToken(categoriesWith(s.customer().token()), REVOKED);
    } finally {
      vertx.eventBus().removeOutboundInterceptor(slowRevocations);
    }
  }

  @Test
  void aTokenOfADeactivatedUserIsRefused() {
    Session s = session();
    new Sql(server.db()).update("UPDATE users SET is_active = 0 WHERE id = ?", s.customer().id());
    Expect.invalidToken(categoriesWith(s.customer().token()), "User is inactive");
    Expect.invalidToken(api.post("logout_user").token(s.customer().token()).send(), "User is inactive");
  }

  @Test
  void aTokenOfADeletedUserIsRefused() {
    Session s = session();
    Sql sql = new Sql(server.db());
    sql.update("DELETE FROM tokens WHERE user_id = ?", s.customer().id());
    sql.update("DELETE FROM users WHERE id = ?", s.customer().id());
    Expect.invalidToken(categoriesWith(s.customer().token()), INVALID);
  }

  @Test
  void theRoleComesFromTheUserRecordNotFromTheClaim() {
    JsonObject claims = session().claims();
    String promoted = sign(claims.copy().put("role", "admin"));
    Expect.ok(categoriesWith(promoted));
    Expect.error(api.put("create_category").token(promoted).json(new JsonObject().put("category_name", "Forged")
        .put("category_slug", CatalogFixtures.unique("forged"))).send(), 403, "Not authorized to access this resource");
  }

  /**
   * RFC 6750 §3: a request without credentials (or with another scheme's) is asked for a bearer
   * token with no error; malformed Bearer credentials are an {@code invalid_request}; a token that
   * was presented and refused is an {@code invalid_token}. The message says which, in the envelope.
   */
  @Test
  void missingOrMalformedAuthorizationHeadersAreRefused() {
    // without any header only the token-optional catalog reads serve (anonymously)
    Expect.unauthorized(api.get("get_me").send(), "Not authenticated");
    Expect.ok(api.get("get_categories").send());
    String valid = session().customer().token();
    Expect.unauthorized(api.get("get_categories").header("Authorization", "").send(), "Not authenticated");
    for (String header : List.of("Bearer", "Bearer ", valid, "Basic " + valid, "Token " + valid, "Bearer" + valid)) {
      Expect.unauthorized(api.get("get_categories").header("Authorization", header).send(), MALFORMED);
    }
    for (String header : List.of("Bearer " + valid + " extra", "bearer  " + valid + " x")) {
      Expect.invalidRequest(api.get("get_categories").header("Authorization", header).send(), MALFORMED);
    }
    for (String header : List.of("Bearer not-a-jwt", "Bearer a.b.c", "Bearer ...", "Bearer " + valid + ".x",
        "Bearer " + valid + "," + valid, "Bearer " + "a".repeat(5000))) {
      Expect.invalidToken(api.get("get_categories").header("Authorization", header).send(), INVALID);
    }
    // the scheme is case-insensitive (RFC 7235)
    Expect.ok(api.get("get_categories").header("Authorization", "bearer " + valid).send());
  }

  @Test
  void twoAuthorizationHeadersAreAnInvalidRequest() throws Exception {
    String valid = session().customer().token();
    Api.Response r = Api.raw(server.port(), "GET /ecommerce/v1/get_me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        + "Authorization: Bearer " + valid + "\r\nAuthorization: Bearer " + valid + "\r\n\r\n");
    Expect.invalidRequest(r, "Send exactly one Authorization header");
  }

  @Test
  void customersMayNotCallAdminEndpoints() {
    String customer = session().customer().token();
    long category = CatalogFixtures.category(api, admin());
    long product = CatalogFixtures.product(api, admin(), category, "Admin only", "3.00", true);
    String denied = "Not authorized to access this resource";
    Expect.error(api.put("create_category").token(customer).json(new JsonObject().put("category_name", "Not mine")
        .put("category_slug", CatalogFixtures.unique("denied"))).send(), 403, denied);
    Expect.error(api.put("create_product").token(customer).json(new JsonObject().put("product_name", "Not mine")
        .put("category_id", category).put("price", "1.00")).send(), 403, denied);
    Expect.error(api.put("add_inventory").token(customer).json(new JsonObject().put("product_id", product)
        .put("quantity", 5)).send(), 403, denied);
    Expect.error(api.get("get_low_stock_products").token(customer).send(), 403, denied);
    Sql sql = new Sql(server.db());
    assertEquals(0L, sql.number("SELECT COUNT(*) FROM inventory_movements WHERE product_id = ?", product));
    assertEquals(0L, sql.number("SELECT COUNT(*) FROM products WHERE product_name = ?", "Not mine"));
    assertEquals(0L, sql.number("SELECT COUNT(*) FROM categories WHERE category_name = ?", "Not mine"));
    // and the admin may
    Expect.ok(api.get("get_low_stock_products").token(admin()).send());
  }
}
