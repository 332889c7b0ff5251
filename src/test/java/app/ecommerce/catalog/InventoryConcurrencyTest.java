package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.support.Answers;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** add_inventory under real concurrency: no lost update, and the ledger always sums to the stock. */
abstract class InventoryConcurrencyTest extends EngineTest {

  @Test
  void hundredConcurrentAdditionsOfThreeEndAtExactlyThreeHundred(VertxTestContext test) throws Throwable {
    long productId = CatalogFixtures.product(api, admin(), "Concurrent stock", "5.00");
    Checkpoint added = test.checkpoint(100);
    for (int i = 0; i < 100; i++) {
      api.put("add_inventory").token(admin()).json(new JsonObject().put("product_id", productId).put("quantity", 3))
          .submit().onComplete(test.succeeding(r -> test.verify(() -> {
            assertEquals(200, r.status(), r::toString);
            added.flag();
          })));
    }
    Answers.await(test);
    Api.Response product = api.get("get_product").token(admin()).query("product_id", productId).send();
    assertEquals(300, product.data().getLong("quantity"));
    assertEquals(300, product.data().getJsonObject("inventory").getLong("quantity"));
    assertEquals(300, ledgerSum(productId));
    assertEquals(100, ledgerRows(productId));
  }

  private long ledgerSum(long productId) throws Exception {
    return single("SELECT COALESCE(SUM(delta), 0) FROM inventory_movements WHERE product_id = ?", productId);
  }

  private long ledgerRows(long productId) throws Exception {
    return single("SELECT COUNT(*) FROM inventory_movements WHERE product_id = ?", productId);
  }

  private long single(String sql, long productId) throws Exception {
    try (Connection c = server.db().jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, productId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
