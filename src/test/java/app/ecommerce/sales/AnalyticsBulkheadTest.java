package app.ecommerce.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Reports have a bulkhead (issue 33): sales analytics run on their own small pool and queue
 * there, so a pile of large get_sales_data requests never holds the connections that buyers
 * need. Ordering, not timing: a product read and a purchase sent once the reports are queued
 * answer while most of the reports still wait; with one shared pool they would wait behind them.
 */
abstract class AnalyticsBulkheadTest extends EngineTest {
  private static final int PRODUCTS = 20;
  private static final int SALES = 60;
  private static final int REPORTS = 32;

  @Override
  protected Map<String, String> settings() {
    return Map.of("ANALYTICS_POOL_SIZE", "1");
  }

  private Api.Call report() {
    return api.get("get_sales_data").token(admin()).query("start_date", "2000-01-01").query("end_date", "2100-01-01")
        .query("include_sales_items", "true");
  }

  @Test
  void buyersAreServedWhileReportsQueueForTheirOwnShare() throws Exception {
    long category = CatalogFixtures.category(api, admin());
    JsonArray basket = new JsonArray();
    long first = 0;
    for (int i = 0; i < PRODUCTS; i++) {
      long product = CatalogFixtures.product(api, admin(), category, CatalogFixtures.unique("bulkhead"), "2.50", true);
      CatalogFixtures.stock(api, admin(), product, SALES + 10);
      basket.add(new JsonObject().put("product_id", product).put("quantity", 1));
      first = i == 0 ? product : first;
    }
    JsonObject purchase = new JsonObject().put("items", basket);
    String customer = server.newCustomerToken();
    for (int i = 0; i < SALES; i++) {
      assertEquals(200, api.post("purchase_products").token(customer).json(purchase).send().status());
    }

    List<CompletableFuture<Api.Response>> reports = new ArrayList<>();
    for (int i = 0; i < REPORTS; i++) {
      reports.add(report().sendAsync());
    }
    // once one report has answered, the others have reached the server and wait for a connection
    CompletableFuture.anyOf(reports.toArray(CompletableFuture[]::new)).get();
    Api.Response product = api.get("get_product").query("product_id", first).send();
    Api.Response bought = api.post("purchase_products").token(customer).json(purchase).send();
    long waiting = reports.stream().filter(r -> !r.isDone()).count();

    assertEquals(200, product.status(), product::toString);
    assertEquals(200, bought.status(), bought::toString);
    assertTrue(waiting >= REPORTS / 2, "buyers were served while " + waiting + " of " + REPORTS
        + " reports still waited for their share");
    int answered = 0;
    for (CompletableFuture<Api.Response> r : reports) {
      Api.Response report = r.get();
      // a report queued past the connection deadline is refused cleanly, never a 500
      assertTrue(report.status() == 200 || report.status() == 503, report::toString);
      answered += report.status() == 200 ? 1 : 0;
    }
    assertTrue(answered > 0, "reports are served from their share");
  }
}
