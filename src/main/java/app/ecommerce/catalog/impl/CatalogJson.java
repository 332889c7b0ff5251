package app.ecommerce.catalog.impl;

import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import io.vertx.sqlclient.Row;

/** Rows of the catalog as the API shows them: money as decimal strings, times in the caller's zone. */
final class CatalogJson {
  private CatalogJson() {
  }

  static JsonObject category(Row row, ZoneId zone) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("category_name", row.getString("category_name"))
        .put("category_slug", row.getString("category_slug"))
        .put("created_at", Times.iso(row.getLong("created_at"), zone));
  }

  /** A row of {@link ProductRepository#SELECT}: the product, its stock, its category. */
  static JsonObject product(Row row, ZoneId zone) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("product_name", row.getString("product_name"))
        .put("description", row.getString("description"))
        .put("category_id", row.getLong("category_id"))
        .put("price", Money.format(row.getLong("price_cents")))
        .put("is_active", row.getLong("is_active") == 1L)
        .put("quantity", row.getLong("quantity"))
        .put("created_at", Times.iso(row.getLong("created_at"), zone))
        .put("updated_at", Times.iso(row.getLong("updated_at"), zone))
        .put("category_name", row.getString("category_name"))
        .put("category_slug", row.getString("category_slug"));
  }
}
