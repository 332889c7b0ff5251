package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on purchase_products: replays, conflicts, concurrent duplicates, per-user keys. */
abstract class IdempotencyTest extends EngineTest {

  private static JsonObject buy(long productId, int quantity) {
    return new JsonObject().put("items", new JsonArray()
        .add(new JsonObject().put("product_id", productId).put("quantity", quantity)));
  }

  private Api.Call purchase(String token, String key, JsonObject body) {
    return api.post("purchase_products").token(token).header("Idempotency-Key", key).json(body);
  }

  private long salesOf(long productId) {
    return new Sql(server.db()).number("SELECT COUNT(*) FROM sale_items WHERE product_id = ?", productId);
  }

  @Test
  void aReplayAfterSuccessReturnsTheFirstResponseAndBuysNothing() {
    long p = CatalogFixtures.product(api, admin(), "Idem success", "4.00");
    CatalogFixtures.stock(api, admin(), p, 10);
    String customer = server.newCustomerToken();
    String key = UUID.randomUUID().toString();

    Api.Response first = purchase(customer, key, buy(p, 2)).send();
    Api.Response again = purchase(customer, key, buy(p, 2)).send();

    assertEquals(200, first.status(), first::toString);
    assertEquals(first.status(), again.status());
    assertEquals(first.json(), again.json());
    assertEquals(1, salesOf(p));
    assertEquals(8, new Sql(server.db()).stock(p).stock());
  }

  @Test
  void aReplayAfterA409IsTheSame409EvenOnceStockArrived() {
    long p = CatalogFixtures.product(api, admin(), "Idem conflict", "4.00");
    String customer = server.newCustomerToken();
    String key = UUID.randomUUID().toString();

    Api.Response first = purchase(customer, key, buy(p, 1)).send();
    CatalogFixtures.stock(api, admin(), p, 10);
    Api.Response again = purchase(customer, key, buy(p, 1)).send();

    assertEquals(409, first.status(), first::toString);
    assertEquals(409, again.status(), again::toString);
    assertEquals(first.json(), again.json());
    assertEquals(0, salesOf(p));
  }

  @Test
  void theSameKeyWithADifferentBodyIsA409() {
    long p = CatalogFixtures.product(api, admin(), "Idem body", "4.00");
    CatalogFixtures.stock(api, admin(), p, 10);
    String customer = server.newCustomerToken();
    String key = UUID.randomUUID().toString();

    assertEquals(200, purchase(customer, key, buy(p, 1)).send().status());
    Api.Response other = purchase(customer, key, buy(p, 2)).send();

    assertEquals(409, other.status(), other::toString);
    assertEquals("Idempotency-Key was already used with a different request", other.message());
    assertEquals(new JsonObject(), other.data());
    assertEquals(1, salesOf(p));
  }

  @Test
  void keysArePerUser() {
    long p = CatalogFixtures.product(api, admin(), "Idem users", "4.00");
    CatalogFixtures.stock(api, admin(), p, 10);
    String key = UUID.randomUUID().toString();

    Api.Response alice = purchase(server.newCustomerToken(), key, buy(p, 1)).send();
    Api.Response bob = purchase(server.newCustomerToken(), key, buy(p, 1)).send();

    assertEquals(200, alice.status());
    assertEquals(200, bob.status());
    assertEquals(2, salesOf(p));
  }

  @Test
  void concurrentDuplicatesBuyOnceAndAllGetTheSameAnswer() {
    long p = CatalogFixtures.product(api, admin(), "Idem race", "4.00");
    CatalogFixtures.stock(api, admin(), p, 100);
    String customer = server.newCustomerToken();
    String key = UUID.randomUUID().toString();

    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(purchase(customer, key, buy(p, 3)).sendAsync());
    }
    List<Api.Response> responses = calls.stream().map(CompletableFuture::join).toList();

    responses.forEach(r -> assertEquals(200, r.status(), r::toString));
    responses.forEach(r -> assertEquals(responses.get(0).json(), r.json()));
    assertEquals(1, salesOf(p));
    assertEquals(97, new Sql(server.db()).stock(p).stock());
  }
}
