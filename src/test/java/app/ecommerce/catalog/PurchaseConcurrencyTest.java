package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many real buyers at once, over real parallel HTTP connections. These tests fail if the stock
 * decrement is a read-then-write, if a sale can half-commit, or if lock order can deadlock.
 */
abstract class PurchaseConcurrencyTest extends EngineTest {

  /** Runs the calls all at once and reports how many were ever in flight together. */
  static final class Burst {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<CompletableFuture<Api.Response>> responses = new ArrayList<>();

    void add(Api.Call call) {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      responses.add(call.sendAsync().whenComplete((r, e) -> inFlight.decrementAndGet()));
    }

    List<Api.Response> await() {
      return responses.stream().map(CompletableFuture::join).toList();
    }
  }

  private static JsonObject line(long productId, int quantity) {
    return new JsonObject().put("product_id", productId).put("quantity", quantity);
  }

  @Test
  void twoHundredBuyersForFiftyUnitsSellExactlyFifty() {
    long product = CatalogFixtures.product(api, admin(), "Contended", "9.99");
    CatalogFixtures.stock(api, admin(), product, 50);
    List<String> buyers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      buyers.add(server.newCustomerToken());
    }

    Burst burst = new Burst();
    for (int i = 0; i < 200; i++) {
      burst.add(api.post("purchase_products").token(buyers.get(i % buyers.size()))
          .json(new JsonObject().put("items", new JsonArray().add(line(product, 1)))));
    }
    List<Api.Response> responses = burst.await();

    long ok = responses.stream().filter(r -> r.status() == 200).count();
    long conflict = responses.stream().filter(r -> r.status() == 409).count();
    assertEquals(50, ok, () -> "statuses: " + responses.stream().map(Api.Response::status).toList());
    assertEquals(150, conflict);
    assertTrue(burst.maxInFlight.get() > 5, "requests did not overlap: max in flight " + burst.maxInFlight.get());
    Sql.StockState state = new Sql(server.db()).stock(product);
    assertEquals(0, state.stock());
    assertEquals(50, state.sold());
    assertEquals(0, state.ledger());
    assertEquals(50, new Sql(server.db()).number("SELECT COUNT(*) FROM sales s JOIN sale_items i ON i.sale_id = s.id"
        + " WHERE i.product_id = ?", product));
  }

  @Test
  void buyersInOppositeLineOrderNeverDeadlockAndTotalsAreExact() {
    long cat = CatalogFixtures.category(api, admin());
    long a = CatalogFixtures.product(api, admin(), cat, "Order A", "1.00", true);
    long b = CatalogFixtures.product(api, admin(), cat, "Order B", "2.00", true);
    CatalogFixtures.stock(api, admin(), a, 1000);
    CatalogFixtures.stock(api, admin(), b, 1000);
    String first = server.newCustomerToken();
    String second = server.newCustomerToken();

    Burst burst = new Burst();
    for (int i = 0; i < 100; i++) {
      burst.add(api.post("purchase_products").token(first)
          .json(new JsonObject().put("items", new JsonArray().add(line(a, 1)).add(line(b, 2)))));
      burst.add(api.post("purchase_products").token(second)
          .json(new JsonObject().put("items", new JsonArray().add(line(b, 1)).add(line(a, 2)))));
    }
    List<Api.Response> responses = burst.await();

    responses.forEach(r -> assertEquals(200, r.status(), r::toString));
    assertTrue(burst.maxInFlight.get() > 5, "requests did not overlap");
    Sql.StockState stateA = new Sql(server.db()).stock(a);
    Sql.StockState stateB = new Sql(server.db()).stock(b);
    assertEquals(1000 - 300, stateA.stock());
    assertEquals(1000 - 300, stateB.stock());
    assertEquals(stateA.stock(), stateA.ledger());
    assertEquals(stateB.stock(), stateB.ledger());
    assertEquals(300, stateA.sold());
    assertEquals(300, stateB.sold());
  }
}
