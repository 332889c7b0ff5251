package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on every write other than purchase_products (IdempotencyTest has that one): a
 * replay answers the first response and writes nothing (rows counted, or the state changed in
 * between and left alone), a different request is a 409, keys are per user, concurrent
 * duplicates write once.
 */
abstract class IdempotentWritesTest extends EngineTest {
  private static final String KEY_REUSED = "Idempotency-Key was already used with a different request";

  private Sql sql() {
    return new Sql(server.db());
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static JsonObject newCategory(String slug) {
    return new JsonObject().put("category_name", "Category " + slug).put("category_slug", slug);
  }

  /** Sends the same call twice; both answers must be the same 200. */
  private static Api.Response twice(Api.Call call) {
    Api.Response first = call.send();
    Api.Response again = call.send();
    assertEquals(200, first.status(), first::toString);
    assertEquals(first.status(), again.status(), again::toString);
    assertEquals(first.json(), again.json());
    return first;
  }

  @Test
  void createsReplayTheirFirstAnswerAndCreateOnce() {
    String slug = CatalogFixtures.unique("idem");
    twice(api.put("create_category").token(admin()).header("Idempotency-Key", key()).json(newCategory(slug)));
    assertEquals(1, sql().number("SELECT COUNT(*) FROM categories WHERE category_slug = ?", slug));

    long category = CatalogFixtures.category(api, admin());
    String name = CatalogFixtures.unique("Idem product");
    twice(api.put("create_product").token(admin()).header("Idempotency-Key", key()).json(new JsonObject()
        .put("product_name", name).put("category_id", category).put("price", "3.50")));
    assertEquals(1, sql().number("SELECT COUNT(*) FROM products WHERE product_name = ?", name));
  }

  @Test
  void stockWritesReplayAndMoveTheStockOnce() {
    long p = CatalogFixtures.product(api, admin(), "Idem stock", "2.00");
    twice(api.put("add_inventory").token(admin()).header("Idempotency-Key", key())
        .json(new JsonObject().put("product_id", p).put("quantity", 7)));
    twice(api.put("adjust_inventory").token(admin()).header("Idempotency-Key", key())
        .json(new JsonObject().put("product_id", p).put("change", -2).put("note", "broken")));

    assertEquals(5, sql().stock(p).stock());
    assertEquals(5, sql().stock(p).ledger());
    assertEquals(2, sql().number("SELECT COUNT(*) FROM inventory_movements WHERE product_id = ?", p));
  }

  @Test
  void editsReplayTheirFirstAnswerWithoutUndoingALaterEdit() {
    long p = CatalogFixtures.product(api, admin(), "Idem edit", "2.00");
    String key = key();
    Api.Call toFive = api.call("PATCH", "update_product").token(admin()).header("Idempotency-Key", key)
        .json(new JsonObject().put("product_id", p).put("price", "5.00"));
    Api.Response first = toFive.send();
    assertEquals(200, api.call("PATCH", "update_product").token(admin())
        .json(new JsonObject().put("product_id", p).put("price", "6.00")).send().status());
    Api.Response again = toFive.send();

    assertEquals(first.json(), again.json());
    assertEquals("5.00", again.data().getString("price"));
    assertEquals(600, sql().number("SELECT price_cents FROM products WHERE id = ?", p));

    long c = CatalogFixtures.category(api, admin());
    String slug = CatalogFixtures.unique("renamed");
    Api.Call rename = api.call("PATCH", "update_category").token(admin()).header("Idempotency-Key", key())
        .json(new JsonObject().put("category_id", c).put("category_slug", slug));
    Api.Response renamed = rename.send();
    String later = CatalogFixtures.unique("later");
    assertEquals(200, api.call("PATCH", "update_category").token(admin())
        .json(new JsonObject().put("category_id", c).put("category_slug", later)).send().status());
    assertEquals(renamed.json(), rename.send().json());
    assertEquals(1, sql().number("SELECT COUNT(*) FROM categories WHERE id = ? AND category_slug = ?", c, later));
  }

  @Test
  void aReplayedDeleteAnswersItsSuccessNotA404() {
    long c = CatalogFixtures.category(api, admin());
    twice(api.call("DELETE", "delete_category").token(admin()).header("Idempotency-Key", key()).query("category_id", c));
    assertEquals(0, sql().number("SELECT COUNT(*) FROM categories WHERE id = ?", c));
  }

  @Test
  void accountWritesReplayTheirFirstAnswer() {
    TestServer.Customer customer = server.newCustomer("UTC");
    Api.Call toParis = api.call("PATCH", "update_me").token(customer.token()).header("Idempotency-Key", key())
        .json(new JsonObject().put("timezone", "Europe/Paris"));
    Api.Response first = toParis.send();
    assertEquals(200, api.call("PATCH", "update_me").token(customer.token())
        .json(new JsonObject().put("timezone", "Asia/Tokyo")).send().status());
    assertEquals(first.json(), toParis.send().json());
    assertEquals("Asia/Tokyo", api.get("get_me").token(customer.token()).send().data().getString("timezone"));

    String key = key();
    Api.Call deactivate = api.call("PATCH", "update_user").token(admin()).header("Idempotency-Key", key)
        .json(new JsonObject().put("user_id", customer.id()).put("is_active", false));
    Api.Response off = deactivate.send();
    assertEquals(200, api.call("PATCH", "update_user").token(admin())
        .json(new JsonObject().put("user_id", customer.id()).put("is_active", true)).send().status());
    assertEquals(off.json(), deactivate.send().json());
    assertEquals(1, sql().number("SELECT is_active FROM users WHERE id = ?", customer.id()));
  }

  @Test
  void theSameKeyWithADifferentRequestIsA409AndWritesNothing() {
    String key = key();
    String slug = CatalogFixtures.unique("idem");
    assertEquals(200, api.put("create_category").token(admin()).header("Idempotency-Key", key)
        .json(newCategory(slug)).send().status());

    String other = CatalogFixtures.unique("idem");
    Api.Response differentBody = api.put("create_category").token(admin()).header("Idempotency-Key", key)
        .json(newCategory(other)).send();
    long p = CatalogFixtures.product(api, admin(), "Idem other op", "2.00");
    Api.Response differentWrite = api.put("add_inventory").token(admin()).header("Idempotency-Key", key)
        .json(new JsonObject().put("product_id", p).put("quantity", 1)).send();

    for (Api.Response refused : List.of(differentBody, differentWrite)) {
      assertEquals(409, refused.status(), refused::toString);
      assertEquals(KEY_REUSED, refused.message());
    }
    assertEquals(0, sql().number("SELECT COUNT(*) FROM categories WHERE category_slug = ?", other));
    assertEquals(0, sql().stock(p).stock());
  }

  @Test
  void keysArePerUser() {
    TestServer.Customer alice = server.newCustomer("UTC");
    TestServer.Customer bob = server.newCustomer("UTC");
    String key = key();
    JsonObject body = new JsonObject().put("first_name", "Same");

    Api.Response a = api.call("PATCH", "update_me").token(alice.token()).header("Idempotency-Key", key).json(body).send();
    Api.Response b = api.call("PATCH", "update_me").token(bob.token()).header("Idempotency-Key", key).json(body).send();

    assertEquals(200, a.status(), a::toString);
    assertEquals(200, b.status(), b::toString);
    assertEquals(alice.id(), a.data().getLong("id"));
    assertEquals(bob.id(), b.data().getLong("id"));
    assertEquals(2, sql().number("SELECT COUNT(*) FROM users WHERE id IN (?, ?) AND first_name = 'Same'",
        alice.id(), bob.id()));
  }

  @Test
  void concurrentDuplicatesWriteOnceAndAllGetTheSameAnswer() {
    long p = CatalogFixtures.product(api, admin(), "Idem race", "2.00");
    String key = key();
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(api.put("add_inventory").token(admin()).header("Idempotency-Key", key)
          .json(new JsonObject().put("product_id", p).put("quantity", 3)).sendAsync());
    }
    List<Api.Response> responses = calls.stream().map(CompletableFuture::join).toList();

    responses.forEach(r -> assertEquals(200, r.status(), r::toString));
    responses.forEach(r -> assertEquals(responses.get(0).json(), r.json()));
    assertEquals(3, sql().stock(p).stock());
    assertEquals(1, sql().number("SELECT COUNT(*) FROM inventory_movements WHERE product_id = ?", p));
  }
}
