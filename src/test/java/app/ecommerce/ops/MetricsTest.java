package app.ecommerce.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.catalog.CatalogFixtures;
import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * GET /metrics on the management listener only: Prometheus text with HTTP by route template, SQL
 * pool, event bus, JVM and business counters.
 */
abstract class MetricsTest extends EngineTest {
  private static final String PRODUCT_ROUTE = "/ecommerce/v1/get_product";

  private Prometheus scrape() {
    Api.Response r = server.management().get("/metrics").send();
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type"));
    return Prometheus.parse(r.body());
  }

  private static JsonObject items(long product, long quantity) {
    return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", product).put("quantity", quantity)));
  }

  /** It shows revenue and versions: never on the public API port; probes work on both. */
  @Test
  void metricsAreServedOnTheManagementListenerOnly() {
    assertTrue(server.app().managementPort() > 0 && server.app().managementPort() != server.port());
    Api.Response onApi = api.get("/metrics").send();
    assertEquals(404, onApi.status(), onApi::toString);
    assertEquals(404, onApi.json().getInteger("status_code"));
    assertFalse(onApi.body().contains("ecommerce_revenue_cents_total"), onApi::toString);
    Api.Response onManagement = server.management().get("/metrics").send();
    assertEquals(200, onManagement.status());
    assertTrue(onManagement.body().contains("ecommerce_revenue_cents_total"));
    assertTrue(onManagement.header("X-Request-ID").matches("[0-9a-f]{32}"));
    for (Api probes : new Api[] {api, server.management()}) {
      assertEquals(200, probes.get("/health").send().status(), probes::base);
      Api.Response ready = probes.get("/ready").send();
      assertEquals(200, ready.status(), ready::toString);
      assertEquals("UP", ready.json().getString("status"));
    }
    assertEquals(404, server.management().get("get_categories").send().status(), "the API is not on the management port");
  }

  @Test
  void requestsAreCountedAndTimedPerRouteTemplateAndStatus() {
    String token = admin();
    long product = CatalogFixtures.product(api, token, "Metered", "2.50");
    Prometheus before = scrape();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, api.get("get_product").token(token).query("product_id", product).send().status());
    }
    assertEquals(404, api.get("get_product").token(token).query("product_id", 987_654_321L).send().status());
    assertEquals(404, api.get("/no-such-route-" + System.nanoTime()).send().status());
    Prometheus after = scrape();

    String[] ok = {"route", PRODUCT_ROUTE, "method", "GET", "code", "200"};
    assertEquals(3, after.value("vertx_http_server_requests_total", ok) - before.value("vertx_http_server_requests_total", ok));
    assertEquals(1, after.value("vertx_http_server_requests_total", "route", PRODUCT_ROUTE, "code", "404")
        - before.value("vertx_http_server_requests_total", "route", PRODUCT_ROUTE, "code", "404"));
    // the HTTP verticle found a catalog instance on its own event loop for every one of them
    String[] inPlace = {"address", "catalog.get_product", "transport", "in_place"};
    assertEquals(4, after.value("ecommerce_service_calls_total", inPlace) - before.value("ecommerce_service_calls_total", inPlace));
    // a latency histogram per route and status, with buckets
    assertEquals(3, after.value("vertx_http_server_response_time_seconds_count", ok)
        - before.value("vertx_http_server_response_time_seconds_count", ok));
    var buckets = after.find("vertx_http_server_response_time_seconds_bucket", ok);
    assertTrue(buckets.size() >= 10, "histogram buckets: " + buckets);
    assertTrue(buckets.stream().anyMatch(b -> "+Inf".equals(b.labels().get("le"))));
    // labels are templates: no raw path, no query string, no client address
    for (Prometheus.Sample s : after.samples()) {
      String route = s.labels().get("route");
      assertFalse(route != null && (route.contains("no-such-route") || route.contains("?")), s.toString());
      assertFalse(route != null && route.contains(">"), "one route per request, not a chain: " + s);
      assertFalse(s.labels().containsKey("remote") || s.labels().containsKey("path"), s.toString());
    }
  }

  @Test
  void labelsStayBoundedWhateverTheClientSends() throws Exception {
    String token = admin();
    Prometheus before = scrape();
    // the router serves "/x/" by the route of "/x": same route label
    assertEquals(200, api.get(PRODUCT_ROUTE.replace("get_product", "get_categories") + "/").token(token).send().status());
    // a method of the client's invention on no route: one label for every such method
    int invented = api.call("BREW" + (System.nanoTime() % 1000), "/no-such-route").send().status();
    assertTrue(invented >= 400 && invented < 500, "status " + invented);
    // a request the HTTP decoder could not read never reaches the router, and still counts
    Api.Response unreadable = Api.raw(server.port(), "GET /ecommerce/v1/get_categories HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    assertEquals(400, unreadable.status(), unreadable::toString);
    Prometheus after = scrape();

    String[] categories = {"route", "/ecommerce/v1/get_categories", "method", "GET", "code", "200"};
    assertEquals(1, after.value("vertx_http_server_requests_total", categories)
        - before.value("vertx_http_server_requests_total", categories));
    String[] other = {"route", "", "method", "OTHER", "code", String.valueOf(invented)};
    assertEquals(1, after.value("vertx_http_server_requests_total", other) - before.value("vertx_http_server_requests_total", other));
    String[] bad = {"route", "", "method", "GET", "code", "400"};
    assertEquals(1, after.value("vertx_http_server_requests_total", bad) - before.value("vertx_http_server_requests_total", bad));
    // the scrape itself is the one request in flight
    assertEquals(1, after.value("vertx_http_server_active_requests"));
  }

  @Test
  void swaggerUiAssetsHaveTheirOwnRouteLabels() {
    Prometheus before = scrape();
    assertEquals(200, api.get("/docs/swagger-ui.css").send().status());
    assertEquals(200, api.get("/docs/swagger-initializer.js").send().status());
    assertEquals(404, api.get("/docs/no-such-asset.js").send().status());
    Prometheus after = scrape();

    for (String asset : new String[] {"/docs/swagger-ui.css", "/docs/swagger-initializer.js"}) {
      String[] served = {"route", asset, "method", "GET", "code", "200"};
      assertEquals(1, after.value("vertx_http_server_requests_total", served)
          - before.value("vertx_http_server_requests_total", served), asset);
    }
    // a file the page does not load is no route: the unmatched label, not one label per name tried
    String[] missing = {"route", "", "method", "GET", "code", "404"};
    assertEquals(1, after.value("vertx_http_server_requests_total", missing)
        - before.value("vertx_http_server_requests_total", missing));
    assertTrue(after.samples().stream().noneMatch(s -> String.valueOf(s.labels().get("route")).contains("no-such-asset")));
  }

  @Test
  void sqlPoolEventBusAndJvmAreReported() {
    api.get("get_categories").token(admin()).send();
    assertEquals(200, api.get("/ready").send().status());
    Prometheus m = scrape();
    String[] pool = {"pool_type", "sql", "pool_name", "main"};
    assertEquals(1, m.find("vertx_pool_in_use", pool).size(), "pool in use");
    assertEquals(1, m.find("vertx_pool_queue_pending", pool).size(), "pool waiters");
    assertTrue(m.value("vertx_pool_queue_time_seconds_count", pool) > 0, "pool wait timer");
    assertTrue(m.value("vertx_pool_usage_seconds_count", pool) > 0, "pool usage timer");
    // an HTTP verticle calls the catalog instance on its own event loop in place, the readiness
    // check always over the bus; both are counted per address and transport
    assertTrue(m.value("ecommerce_service_calls_total", "address", "catalog.list_categories", "transport", "in_place")
        + m.value("ecommerce_service_calls_total", "address", "catalog.list_categories", "transport", "bus") >= 1);
    assertTrue(m.value("ecommerce_service_calls_total", "address", "catalog.ping", "transport", "bus") >= 1);
    assertTrue(m.value("vertx_eventbus_sent_total", "address", "catalog.ping", "side", "local") >= 1);
    assertTrue(m.value("vertx_eventbus_handlers", "address", "catalog.purchase") >= 1);
    assertTrue(m.find("vertx_eventbus_processed_total").size() > 0);
    assertTrue(m.samples().stream().noneMatch(s -> String.valueOf(s.labels().get("address")).startsWith("__vertx.")),
        "reply addresses would be unbounded labels");
    assertTrue(m.find("jvm_memory_used_bytes", "area", "heap").size() > 0);
    assertTrue(m.find("jvm_gc_memory_allocated_bytes_total").size() == 1);
    assertTrue(m.find("jvm_threads_live_threads").size() == 1);
    assertTrue(m.find("process_cpu_usage").size() == 1);
    // not measured per socket read/write or per query: the HTTP timers and the pool tell that
    for (String unread : new String[] {"vertx_net_server_", "vertx_net_client_", "vertx_sql_"}) {
      assertTrue(m.samples().stream().noneMatch(s -> s.name().startsWith(unread)), unread + " series are reported");
    }
  }

  @Test
  void purchasesAreCountedByOutcomeWithExactRevenue() {
    String token = admin();
    long product = CatalogFixtures.product(api, token, "Counted", "1499.99");
    CatalogFixtures.stock(api, token, product, 5);
    String customer = server.newCustomerToken();
    Prometheus before = scrape();

    assertEquals(200, api.post("purchase_products").token(customer).json(items(product, 3)).send().status());
    String key = "metrics-" + System.nanoTime();
    assertEquals(200, api.post("purchase_products").token(customer).header("Idempotency-Key", key)
        .json(items(product, 1)).send().status());
    assertEquals(200, api.post("purchase_products").token(customer).header("Idempotency-Key", key)
        .json(items(product, 1)).send().status()); // replayed: nothing bought, no revenue
    assertEquals(409, api.post("purchase_products").token(customer).json(items(product, 50)).send().status());
    assertEquals(409, api.post("purchase_products").token(customer).header("Idempotency-Key", key)
        .json(items(product, 2)).send().status()); // key reused with another body

    Prometheus after = scrape();
    assertEquals(2, delta(before, after, "purchased"));
    assertEquals(1, delta(before, after, "replayed"));
    assertEquals(1, delta(before, after, "nothing_purchased"));
    assertEquals(1, delta(before, after, "failed"));
    assertEquals(4 * 149_999, after.value("ecommerce_revenue_cents_total") - before.value("ecommerce_revenue_cents_total"));
  }

  private static double delta(Prometheus before, Prometheus after, String outcome) {
    return after.value("ecommerce_purchases_total", "outcome", outcome)
        - before.value("ecommerce_purchases_total", "outcome", outcome);
  }
}
