package app.ecommerce.catalog;

import static app.ecommerce.http.Schemas.arrayOf;
import static app.ecommerce.http.Schemas.bool;
import static app.ecommerce.http.Schemas.constant;
import static app.ecommerce.http.Schemas.count;
import static app.ecommerce.http.Schemas.dateTime;
import static app.ecommerce.http.Schemas.describe;
import static app.ecommerce.http.Schemas.extend;
import static app.ecommerce.http.Schemas.id;
import static app.ecommerce.http.Schemas.int64;
import static app.ecommerce.http.Schemas.money;
import static app.ecommerce.http.Schemas.nullable;
import static app.ecommerce.http.Schemas.object;
import static app.ecommerce.http.Schemas.oneOf;
import static app.ecommerce.http.Schemas.page;
import static app.ecommerce.http.Schemas.ref;
import static app.ecommerce.http.Schemas.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The schemas of the catalog's answers (API.md §3.4–3.11, §5), as {@code CatalogJson} and the services write them. */
final class CatalogSchemas {
  static final JsonObject CATEGORY = object(
      "id", id(),
      "category_name", text(),
      "category_slug", text(),
      "created_at", dateTime());
  /** A product as create_product answers it: without its category's names. */
  static final JsonObject NEW_PRODUCT = object(
      "id", id(),
      "product_name", text(),
      "description", nullable(text()),
      "category_id", id(),
      "price", money(),
      "is_active", bool(),
      "quantity", describe(count(), "Units in stock"),
      "created_at", dateTime(),
      "updated_at", dateTime());
  static final JsonObject PRODUCT = extend(NEW_PRODUCT, "category_name", text(), "category_slug", text());
  static final JsonObject PRODUCT_WITH_INVENTORY = extend(PRODUCT, "inventory",
      object("quantity", count(), "updated_at", describe(dateTime(), "When the stock last changed")));
  static final JsonObject CURSOR = describe(nullable(text()),
      "Pass as after for the next page; null on the last page (and in orders that page with page only)");

  static final JsonObject STOCK_CHANGE = object(
      "product_id", id(),
      "quantity", describe(count(), "The stock after the change"),
      "added", describe(id(), "Units added"),
      "updated_at", dateTime());
  static final JsonObject ADJUSTMENT = object(
      "product_id", id(),
      "quantity", describe(count(), "The stock after the change"),
      "change", int64(),
      "note", text(),
      "updated_at", dateTime());
  static final JsonObject INSUFFICIENT_STOCK = object(
      "reason", constant("insufficient_stock"),
      "quantity", describe(count(), "The stock found, which the change would have taken below zero"));
  static final JsonObject MOVEMENT = object(
      "id", id(),
      "product_id", id(),
      "change", describe(int64(), "Units in (positive) or out (negative)"),
      "reason", oneOf("restock", "sale", "adjustment"),
      "sale_id", describe(nullable(id()), "The sale of a sale movement; null otherwise"),
      "note", describe(nullable(text()), "An adjustment's note; null otherwise"),
      "user_id", describe(nullable(id()), "Who made the change (null for imported history)"),
      "created_at", dateTime());

  static final JsonObject PURCHASE_ITEM = object(
      "id", id(),
      "product_id", id(),
      "product_name", text(),
      "quantity", id(),
      "price_per_unit", describe(money(), "The price when it was bought"));
  static final JsonObject PURCHASE = object(
      "id", id(),
      "user_id", id(),
      "total_amount", money(),
      "created_at", dateTime(),
      "items", arrayOf(ref("PurchaseItem")));
  static final JsonObject FAILED_ITEM = object(
      "product_id", id(),
      "quantity", id(),
      "reason", oneOf("product_not_found", "product_inactive", "insufficient_stock"));
  static final JsonObject PURCHASED_ITEM = object(
      "id", id(),
      "sale_id", id(),
      "product_id", id(),
      "quantity", id(),
      "price_per_unit", money());
  static final JsonObject SALE = object(
      "id", id(),
      "user_id", id(),
      "total_amount", describe(money(), "Σ quantity × price_per_unit of the purchased lines"),
      "created_at", dateTime(),
      "purchased_items", arrayOf(ref("PurchasedItem")).put("minItems", 1),
      "failed_items", arrayOf(ref("FailedItem")));
  static final JsonObject NOTHING_PURCHASED = object(
      "failed_items", arrayOf(ref("FailedItem")).put("minItems", 1));

  static final JsonObject CATEGORY_PAGE = page("categories", ref("Category"));
  static final JsonObject TOTAL_CAPPED = describe(bool(), "true: there are more than total says (counting stops at a cap)");
  static final JsonObject PRODUCT_PAGE = page("products", ref("Product"), "total_capped", TOTAL_CAPPED,
      "next_cursor", CURSOR);
  static final JsonObject LOW_STOCK_PAGE = page("products", ref("Product"), "total_capped", TOTAL_CAPPED);
  static final JsonObject MOVEMENT_PAGE = page("movements", ref("InventoryMovement"));
  static final JsonObject PURCHASE_PAGE = page("purchases", ref("Purchase"),
      "total_capped", TOTAL_CAPPED,
      "next_cursor", CURSOR);

  private CatalogSchemas() {
  }

  /** {@code {}} (an Idempotency-Key reused with another request) or this endpoint's own 409 data. */
  static JsonObject conflict(JsonObject own) {
    return new JsonObject().put("anyOf", new JsonArray().add(new JsonObject().put("type", "object").put("maxProperties", 0))
        .add(own));
  }

  static Map<String, JsonObject> named() {
    Map<String, JsonObject> named = new LinkedHashMap<>();
    named.put("Category", CATEGORY);
    named.put("Product", PRODUCT);
    named.put("ProductWithInventory", PRODUCT_WITH_INVENTORY);
    named.put("NewProduct", NEW_PRODUCT);
    named.put("InventoryMovement", MOVEMENT);
    named.put("Purchase", PURCHASE);
    named.put("PurchaseItem", PURCHASE_ITEM);
    named.put("PurchasedItem", PURCHASED_ITEM);
    named.put("FailedItem", FAILED_ITEM);
    return named;
  }
}
