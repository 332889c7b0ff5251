package app.ecommerce.sales;

import static app.ecommerce.http.Schemas.arrayOf;
import static app.ecommerce.http.Schemas.dateTime;
import static app.ecommerce.http.Schemas.describe;
import static app.ecommerce.http.Schemas.id;
import static app.ecommerce.http.Schemas.idNameMap;
import static app.ecommerce.http.Schemas.money;
import static app.ecommerce.http.Schemas.object;
import static app.ecommerce.http.Schemas.ref;
import static app.ecommerce.http.Schemas.text;

import app.ecommerce.http.Schemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The schemas of get_sales_data's answers (API.md §3.12): a metric block, or one per calendar period. */
final class SalesSchemas {
  /** Units summed over any number of rows: an integer of any size (JSON allows it), never negative. */
  private static final JsonObject UNITS = new JsonObject().put("type", "integer").put("minimum", 0);
  private static final String LOCAL = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?";

  static final JsonObject ROW = object(
      "id", describe(id(), "The sale"),
      "sale_item_id", id(),
      "user_id", id(),
      "created_at", dateTime(),
      "product_id", id(),
      "product_name", text(),
      "price_per_unit", money(),
      "quantity", id(),
      "revenue", describe(money(), "quantity × price_per_unit"),
      "category_id", id(),
      "category_name", text(),
      "category_slug", text());
  private static final Object[] BLOCK = {
      "sales", describe(arrayOf(ref("SaleRow")), "[] when include_sales_items is false"),
      "total_revenue", money(),
      "revenue_by_categories", idNameMap(money()),
      "revenue_by_products", idNameMap(money()),
      "quantity_by_categories", idNameMap(UNITS),
      "quantity_by_products", idNameMap(UNITS)};
  static final JsonObject METRICS = object(BLOCK);
  static final JsonObject PERIOD = Schemas.extend(object(BLOCK),
      "start", describe(dateTime(), "The period's first instant, with the offset in force then"),
      "end", describe(dateTime(), "The period's last microsecond, with the offset in force then"));
  /** With buckets: one period per key {@code "<local start>,<local end>"}, in calendar order, empty ones included. */
  static final JsonObject PERIODS = new JsonObject().put("type", "object")
      .put("propertyNames", new JsonObject().put("pattern", "^" + LOCAL + "," + LOCAL + "$"))
      .put("additionalProperties", ref("SalesPeriod"))
      .put("description", "With buckets: one metric block per calendar period of the zone, keyed"
          + " \"<local start>,<local end>\" (e.g. \"2023-01-01T00:00:00,2023-01-31T23:59:59.999999\"), in order");
  static final JsonObject ANSWER = new JsonObject().put("oneOf", new JsonArray()
      .add(describe(ref("SalesMetrics"), "Without buckets: one metric block"))
      .add(PERIODS));
  static final JsonObject CSV = new JsonObject().put("type", "string")
      .put("description", "format=csv: a header line of the row field names, then one RFC 4180 line per sale item");

  private SalesSchemas() {
  }

  static Map<String, JsonObject> named() {
    Map<String, JsonObject> named = new LinkedHashMap<>();
    named.put("SalesMetrics", METRICS);
    named.put("SalesPeriod", PERIOD);
    named.put("SaleRow", ROW);
    return named;
  }
}
