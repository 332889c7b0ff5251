package app.ecommerce.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.ChildServer;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SIGTERM during a purchase burst: requests in flight finish, every 2xx is committed, exit code 0. */
class GracefulShutdownIT {

  @Test
  void sigtermDuringABurstLosesNothingAndExitsZero() throws Exception {
    try (TestDatabase db = TestDatabase.sqlite()) {
      Map<String, String> settings = TestServer.settings(db, Map.of());
      List<Api.Response> answers = new ArrayList<>();
      long product;
      int exitCode;
      try (ChildServer child = ChildServer.start("sigterm", settings)) {
        Api api = new Api(child.port());
        String admin = api.login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        product = CatalogFixtures.product(api, admin, "Shutdown stock", "2.00");
        CatalogFixtures.stock(api, admin, product, 100_000);
        JsonObject body = new JsonObject().put("items", new JsonArray()
            .add(new JsonObject().put("product_id", product).put("quantity", 1)));

        AtomicInteger answered = new AtomicInteger();
        List<CompletableFuture<Api.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          burst.add(api.post("purchase_products").token(admin).json(body).sendAsync()
              .whenComplete((r, e) -> answered.incrementAndGet()));
        }
        while (answered.get() < 50) {
          Thread.sleep(2);
        }
        exitCode = child.terminate(60);
        for (CompletableFuture<Api.Response> call : burst) {
          try {
            answers.add(call.join());
          } catch (RuntimeException refused) {
            // not yet accepted when the server stopped listening: the client knows it failed
          }
        }
      }
      assertEquals(0, exitCode, "exit code after SIGTERM");
      long ok = answers.stream().filter(r -> r.status() == 200).count();
      answers.forEach(r -> assertNotEquals(500, r.status(), r::toString));
      assertTrue(ok >= 50, "purchases answered 200: " + ok);
      for (Api.Response r : answers) {
        if (r.status() == 200) {
          assertEquals(1, new Sql(db).number("SELECT COUNT(*) FROM sale_items WHERE sale_id = ?", r.data().getLong("id")));
        }
      }
      assertEquals(ok, new Sql(db).stock(product).sold(), "every unit sold was acknowledged, and the other way round");
      Sql.StockState state = new Sql(db).stock(product);
      assertEquals(state.stock(), state.ledger());
    }
  }
}
