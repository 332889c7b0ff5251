package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.ChildServer;
import app.ecommerce.support.Sql;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server in the middle of a purchase burst, then a restart: every purchase that
 * got a 200 is in the database with all its lines, no sale exists without its lines, and
 * stock + units sold = units restocked for every product.
 */
abstract class PurchaseCrashIT {

  protected abstract TestDatabase newDatabase();

  @Test
  void everyAcknowledgedPurchaseSurvivesAKillDashNine() throws Exception {
    try (TestDatabase db = newDatabase()) {
      Map<String, String> settings = TestServer.settings(db, Map.of());
      List<Long> products = new ArrayList<>();
      List<String> buyers = new ArrayList<>();
      List<Api.Response> acknowledged = new ArrayList<>();
      try (ChildServer child = ChildServer.start("crash-" + db.engine(), settings)) {
        Api api = new Api(child.port());
        String admin = api.login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        long category = CatalogFixtures.category(api, admin);
        for (int i = 0; i < 3; i++) {
          long p = CatalogFixtures.product(api, admin, category, CatalogFixtures.unique("Crash"), "3.25", true);
          CatalogFixtures.stock(api, admin, p, 100_000);
          products.add(p);
        }
        for (int i = 0; i < 10; i++) {
          String email = CatalogFixtures.unique("crash") + "@test.example";
          api.put("register_user").json(new JsonObject().put("first_name", "Crash").put("last_name", "Buyer")
              .put("email", email).put("password", "password-1").put("timezone", "UTC")).send();
          buyers.add(api.login(email, "password-1"));
        }

        Random random = new Random(7);
        AtomicInteger answered = new AtomicInteger();
        List<CompletableFuture<Api.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
          JsonArray items = new JsonArray();
          int lines = 1 + random.nextInt(3);
          for (int l = 0; l < lines; l++) {
            items.add(new JsonObject().put("product_id", products.get(random.nextInt(products.size())))
                .put("quantity", 1 + random.nextInt(3)));
          }
          burst.add(api.post("purchase_products").token(buyers.get(i % buyers.size()))
              .json(new JsonObject().put("items", items)).sendAsync()
              .whenComplete((r, e) -> answered.incrementAndGet()));
        }
        while (answered.get() < 150) {
          Thread.sleep(2);
        }
        child.kill9();
        for (CompletableFuture<Api.Response> call : burst) {
          try {
            Api.Response r = call.join();
            if (r.status() == 200) {
              acknowledged.add(r);
            }
          } catch (RuntimeException cutOff) {
            // in flight when the process died: no answer, so no promise was made
          }
        }
      }
      assertTrue(acknowledged.size() >= 100, "too few purchases before the kill: " + acknowledged.size());
      assertTrue(acknowledged.size() < 600, "the kill came too late to test anything");

      try (ChildServer restarted = ChildServer.start("crash-restart-" + db.engine(), settings)) {
        Api api = new Api(restarted.port());
        String admin = api.login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        for (Api.Response r : acknowledged) {
          JsonObject sale = r.data();
          assertEquals(linesOf(sale.getJsonArray("purchased_items")), linesInDatabase(db, sale.getLong("id")),
              () -> "sale " + sale.getLong("id") + " differs from what the client was told");
        }
        assertEquals(0, new Sql(db).number("SELECT COUNT(*) FROM sales s WHERE NOT EXISTS"
            + " (SELECT 1 FROM sale_items i WHERE i.sale_id = s.id)"));
        for (long p : products) {
          Sql.StockState state = new Sql(db).stock(p);
          assertEquals(state.restocked(), state.stock() + state.sold(), "stock + sold = restocked for " + p);
          assertEquals(state.stock(), state.ledger(), "ledger sums to stock for " + p);
          assertEquals(state.stock(), api.get("get_product").token(admin).query("product_id", p).send()
              .data().getLong("quantity"));
        }
      }
    }
  }

  private static List<String> linesOf(JsonArray purchased) {
    List<String> lines = new ArrayList<>();
    purchased.forEach(o -> {
      JsonObject line = (JsonObject) o;
      lines.add(line.getLong("id") + ":" + line.getLong("product_id") + "x" + line.getLong("quantity"));
    });
    return lines;
  }

  private static List<String> linesInDatabase(TestDatabase db, long saleId) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.jdbc();
         PreparedStatement s = c.prepareStatement(
             "SELECT id, product_id, quantity FROM sale_items WHERE sale_id = ? ORDER BY id")) {
      s.setLong(1, saleId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getLong(1) + ":" + rs.getLong(2) + "x" + rs.getLong(3));
        }
      }
    }
    return lines;
  }
}
