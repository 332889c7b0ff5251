package app.ecommerce.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.OpenApiContract;
import app.ecommerce.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hook every API test's answers go through ({@link Api} → {@link OpenApiContract}) is able to
 * fail: an answer that drifts from /openapi.json in a value's type, an undocumented key, status
 * or media type, or a missing key, is refused. Engine-independent, so SQLite only.
 */
class OpenApiContractTest extends EngineTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  private static Api.Response json(int status, JsonObject body) {
    return new Api.Response(status, Map.of("content-type", "application/json"), body.encode());
  }

  @Test
  void aRealAnswerPassesAndEveryKindOfDriftFails() {
    OpenApiContract contract = OpenApiContract.of(api.base());
    Api.Response real = api.get("get_products").query("per_page", 1).send(); // checked by the hook already
    JsonObject envelope = real.json();
    assertTrue(envelope.getJsonObject("data").getJsonArray("products").size() <= 1);
    String target = "/ecommerce/v1/get_products?per_page=1";
    contract.check("GET", target, real);

    JsonObject product = new JsonObject().put("id", 1).put("product_name", "Name").put("description", null)
        .put("category_id", 1).put("price", "10.00").put("is_active", true).put("quantity", 3)
        .put("created_at", "2024-01-01T00:00:00+00:00").put("updated_at", "2024-01-01T00:00:00+00:00")
        .put("category_name", "Cat").put("category_slug", "cat");
    JsonObject good = new JsonObject().put("status_code", 200).put("success", true).put("message", "ok")
        .put("data", new JsonObject().put("products", new JsonArray().add(product)).put("page", 1).put("per_page", 1)
            .put("total", 1).put("has_more", false).put("total_capped", false).put("next_cursor", null));
    contract.check("GET", target, json(200, good));

    JsonObject floatPrice = good.copy();
    floatPrice.getJsonObject("data").getJsonArray("products").getJsonObject(0).put("price", 10.0);
    assertThrows(AssertionError.class, () -> contract.check("GET", target, json(200, floatPrice)), "money as a float");
    JsonObject extraKey = good.copy();
    extraKey.getJsonObject("data").getJsonArray("products").getJsonObject(0).put("cost_price", "1.00");
    assertThrows(AssertionError.class, () -> contract.check("GET", target, json(200, extraKey)), "undocumented key");
    JsonObject missingKey = good.copy();
    missingKey.getJsonObject("data").remove("has_more");
    assertThrows(AssertionError.class, () -> contract.check("GET", target, json(200, missingKey)), "missing key");
    JsonObject badTime = good.copy();
    badTime.getJsonObject("data").getJsonArray("products").getJsonObject(0).put("created_at", "yesterday");
    assertThrows(AssertionError.class, () -> contract.check("GET", target, json(200, badTime)), "not a date-time");
    JsonObject wrongStatusCode = good.copy().put("status_code", 201);
    assertThrows(AssertionError.class, () -> contract.check("GET", target, json(200, wrongStatusCode)), "status_code");
    assertThrows(AssertionError.class, () -> contract.check("GET", target, json(418, good.copy().put("status_code", 418)
        .put("success", false))), "undocumented status");
    assertThrows(AssertionError.class, () -> contract.check("GET", target,
        new Api.Response(200, Map.of("content-type", "text/csv"), "id\r\n")), "undocumented media type");
    assertThrows(AssertionError.class, () -> contract.check("POST", target, json(200, good)), "a method not served");

    // the same media type is documented where it is served, and errors have their own shapes
    contract.check("GET", "/ecommerce/v1/get_sales_data?format=csv",
        new Api.Response(200, Map.of("content-type", "text/csv; charset=utf-8"), "id,sale_item_id\r\n"));
    JsonObject notFound = new JsonObject().put("status_code", 404).put("success", false).put("message", "Not Found")
        .put("data", new JsonObject());
    contract.check("GET", "/ecommerce/v1/get_product?product_id=9", json(404, notFound));
    assertThrows(AssertionError.class, () -> contract.check("GET", "/ecommerce/v1/get_product?product_id=9",
        json(404, notFound.copy().put("data", new JsonObject().put("id", 9)))), "an error's data is {}");
  }
}
