package app.ecommerce.catalog.impl;

import app.ecommerce.bus.Errors;
import app.ecommerce.catalog.PurchaseCursor;
import app.ecommerce.db.Database;
import app.ecommerce.money.Money;
import app.ecommerce.time.DateTimeInput;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get_purchases and get_purchase: customers see their own purchases only (another's is a 404,
 * so its existence is not confirmed); admins see everyone's and may filter by user and dates,
 * naive dates read in the caller's zone.
 */
final class PurchaseHistory {
  static final String NOT_FOUND = "Purchase not found";
  static final String RANGE_BACKWARDS = "Value error, end_date must not be before start_date";

  private final PurchaseHistoryRepository purchases;

  PurchaseHistory(Database db) {
    this.purchases = new PurchaseHistoryRepository(db);
  }

  Future<JsonObject> list(JsonObject in) {
    ZoneId zone = CatalogService.zone(in);
    boolean admin = CatalogService.isAdmin(in);
    Long userId = admin ? in.getLong("user_id") : Long.valueOf(CatalogService.caller(in).userId());
    Long from = admin ? micros(in.getString("start_date"), zone, false) : null;
    Long to = admin ? micros(in.getString("end_date"), zone, true) : null;
    if (from != null && to != null && to < from) {
      return Future.failedFuture(Errors.validation(Map.of("end_date", RANGE_BACKWARDS)));
    }
    String after = in.getString("after");
    PurchaseHistoryRepository.Filter filter = new PurchaseHistoryRepository.Filter(userId, from, to,
        after == null ? null : PurchaseCursor.decode(after).orElseThrow());
    Page page = Page.from(in);
    long offset = filter.after() == null ? page.offset() : 0;
    // one row more than the page tells whether another follows, whatever the total says by then
    return Future.all(purchases.page(filter, page.perPage() + 1, offset), purchases.count(filter)).compose(both -> {
      RowSet<Row> rows = both.resultAt(0);
      List<Row> shown = new ArrayList<>();
      rows.forEach(row -> {
        if (shown.size() < page.perPage()) {
          shown.add(row);
        }
      });
      boolean more = rows.size() > page.perPage();
      return withItems(shown, zone).map(list -> {
        long counted = both.resultAt(1);
        boolean capped = counted > PurchaseHistoryRepository.COUNT_CAP;
        JsonObject answer = new JsonObject().put("purchases", list)
            .mergeIn(page.meta(capped ? PurchaseHistoryRepository.COUNT_CAP : counted))
            .put("has_more", more).put("total_capped", capped);
        Row last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return answer.put("next_cursor", more && last != null
            ? new PurchaseCursor(last.getLong("created_at"), last.getLong("id")).encode() : null);
      });
    });
  }

  Future<JsonObject> get(JsonObject in) {
    ZoneId zone = CatalogService.zone(in);
    Long owner = CatalogService.isAdmin(in) ? null : CatalogService.caller(in).userId();
    return purchases.find(in.getLong("purchase_id"), owner).compose(row -> {
      if (row == null) {
        return Future.failedFuture(Errors.notFound(NOT_FOUND));
      }
      return withItems(List.of(row), zone).map(list -> list.getJsonObject(0));
    });
  }

  private Future<JsonArray> withItems(List<Row> sales, ZoneId zone) {
    if (sales.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    Map<Long, JsonObject> byId = new LinkedHashMap<>();
    for (Row sale : sales) {
      byId.put(sale.getLong("id"), new JsonObject()
          .put("id", sale.getLong("id"))
          .put("user_id", sale.getLong("user_id"))
          .put("total_amount", Money.format(sale.getLong("total_cents")))
          .put("created_at", Times.iso(sale.getLong("created_at"), zone))
          .put("items", new JsonArray()));
    }
    return purchases.items(new ArrayList<>(byId.keySet())).map(items -> {
      for (Row item : items) {
        byId.get(item.getLong("sale_id")).getJsonArray("items").add(new JsonObject()
            .put("id", item.getLong("id"))
            .put("product_id", item.getLong("product_id"))
            .put("product_name", item.getString("product_name"))
            .put("quantity", item.getLong("quantity"))
            .put("price_per_unit", Money.format(item.getLong("price_cents"))));
      }
      return new JsonArray(new ArrayList<>(byId.values()));
    });
  }

  /** A validated date or date-time as UTC microseconds; a bare end date means the end of that day. */
  private static Long micros(String text, ZoneId zone, boolean endOfDay) {
    return text == null ? null : Times.toMicros(DateTimeInput.parse(text).orElseThrow().toInstant(zone, endOfDay));
  }
}
