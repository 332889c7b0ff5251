package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.ecommerce.support.Answers;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many real buyers at once, over real parallel HTTP connections. These tests fail if the stock
 * decrement is a read-then-write, if a sale can half-commit, or if lock order can deadlock.
 */
abstract class PurchaseConcurrencyTest extends EngineTest {

  /** Sends the calls all at once and reports how many were ever in flight together. */
  static final class Burst {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    Future<Api.Response> add(Api.Call call) {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      return call.submit().andThen(answered -> inFlight.decrementAndGet());
    }
  }

  private static JsonObject line(long productId, int quantity) {
    return new JsonObject().put("product_id", productId).put("quantity", quantity);
  }

  @Test
  void twoHundredBuyersForFiftyUnitsSellExactlyFifty(VertxTestContext test) throws Throwable {
    long product = CatalogFixtures.product(api, admin(), "Contended", "9.99");
    CatalogFixtures.stock(api, admin(), product, 50);
    List<String> buyers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      buyers.add(server.newCustomerToken());
    }

    // each answer is counted as it arrives: a 51st sale or a 151st refusal fails the test at once
    Checkpoint sold = test.checkpoint(50);
    Checkpoint outOfStock = test.checkpoint(150);
    Burst burst = new Burst();
    for (int i = 0; i < 200; i++) {
      burst.add(api.post("purchase_products").token(buyers.get(i % buyers.size()))
          .json(new JsonObject().put("items", new JsonArray().add(line(product, 1)))))
          .onComplete(test.succeeding(r -> test.verify(() -> {
            switch (r.status()) {
              case 200 -> sold.flag();
              case 409 -> outOfStock.flag();
              default -> fail("neither sold nor out of stock: " + r);
            }
          })));
    }
    Answers.await(test);

    assertTrue(burst.maxInFlight.get() > 5, "requests did not overlap: max in flight " + burst.maxInFlight.get());
    Sql.StockState state = new Sql(server.db()).stock(product);
    assertEquals(0, state.stock());
    assertEquals(50, state.sold());
    assertEquals(0, state.ledger());
    assertEquals(50, new Sql(server.db()).number("SELECT COUNT(*) FROM sales s JOIN sale_items i ON i.sale_id = s.id"
        + " WHERE i.product_id = ?", product));
  }

  @Test
  void buyersInOppositeLineOrderNeverDeadlockAndTotalsAreExact(VertxTestContext test) throws Throwable {
    long cat = CatalogFixtures.category(api, admin());
    long a = CatalogFixtures.product(api, admin(), cat, "Order A", "1.00", true);
    long b = CatalogFixtures.product(api, admin(), cat, "Order B", "2.00", true);
    CatalogFixtures.stock(api, admin(), a, 1000);
    CatalogFixtures.stock(api, admin(), b, 1000);
    String first = server.newCustomerToken();
    String second = server.newCustomerToken();

    Checkpoint bought = test.checkpoint(200);
    Burst burst = new Burst();
    for (int i = 0; i < 100; i++) {
      for (Api.Call call : List.of(
          api.post("purchase_products").token(first)
              .json(new JsonObject().put("items", new JsonArray().add(line(a, 1)).add(line(b, 2)))),
          api.post("purchase_products").token(second)
              .json(new JsonObject().put("items", new JsonArray().add(line(b, 1)).add(line(a, 2)))))) {
        burst.add(call).onComplete(test.succeeding(r -> test.verify(() -> {
          assertEquals(200, r.status(), r::toString);
          bought.flag();
        })));
      }
    }
    Answers.await(test);

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
