package app.ecommerce.catalog.impl;

import app.ecommerce.bus.Caller;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.db.Database;
import app.ecommerce.idempotency.IdempotentWrites;
import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * purchase_products (API.md §3.11). Every successful line, its stock decrement, its ledger row,
 * the one sale row and the idempotency key commit in ONE transaction. The products of a purchase
 * are locked in product-id order (so two purchases cannot deadlock each other), and each line
 * takes its stock with a conditional update, never a read-then-write. The outcome, 200 or 409,
 * is answered as a whole ({status_code, message, data}) so that a replay repeats it exactly.
 */
final class PurchaseService {
  static final String PURCHASED = "Products purchased successfully";
  static final String NOTHING_PURCHASED = "No items could be purchased";
  static final String LOCK_PRODUCTS = "SELECT p.id, p.price_cents, p.is_active, i.quantity"
      + " FROM products p JOIN inventories i ON i.product_id = p.id WHERE p.id IN (%s) ORDER BY p.id";
  /**
   * On MySQL the lock must also be taken in one order on one index by every purchase: products
   * first, through their primary key, then their inventories. Left to the optimizer, some plans
   * read products through a covering secondary index (the catalog's order indexes all carry the
   * id), which locks no PRIMARY record; the ledger insert's foreign-key check then waited for it
   * while another buyer, whose plan had locked it, waited for the inventory row: a deadlock.
   */
  static final String LOCK_PRODUCTS_MYSQL = "SELECT STRAIGHT_JOIN p.id, p.price_cents, p.is_active, i.quantity"
      + " FROM products p FORCE INDEX (PRIMARY) JOIN inventories i ON i.product_id = p.id WHERE p.id IN (%s)"
      + " ORDER BY p.id";

  /** Why a line failed, as the API names it. */
  enum Reason { product_not_found, product_inactive, insufficient_stock }

  private record Product(long id, long priceCents, boolean active) {
  }

  private final Database db;
  private final IdempotentWrites writes;
  private final InventoryRepository inventory = new InventoryRepository();
  private final SaleRepository sales;
  private final PurchaseMetrics metrics;

  PurchaseService(Database db, IdempotentWrites writes, PurchaseMetrics metrics) {
    this.db = db;
    this.writes = writes;
    this.metrics = metrics;
    this.sales = new SaleRepository(db.dialect());
  }

  Future<JsonObject> purchase(JsonObject in) {
    return purchaseOrReplay(in).onFailure(failure -> metrics.failed());
  }

  private Future<JsonObject> purchaseOrReplay(JsonObject in) {
    Caller caller = Caller.of(in);
    JsonArray items = in.getJsonArray("items");
    ZoneId zone = Times.zone(caller.timezone());
    boolean[] replayed = {false};
    java.util.Set<String> rows = new java.util.TreeSet<>();
    items.forEach(item -> rows.add("product:" + ((JsonObject) item).getLong("product_id")));
    return writes.run(caller.userId(), in.getString(ServiceClient.IDEMPOTENCY_KEY),
            IdempotentWrites.sha256(items.encode()), rows, tx -> buy(tx, caller.userId(), items, zone),
            () -> replayed[0] = true)
        .onSuccess(outcome -> {
          if (replayed[0]) {
            metrics.replayed();
          } else {
            metrics.committed(outcome);
          }
        });
  }

  private Future<JsonObject> buy(SqlConnection tx, long userId, JsonArray items, ZoneId zone) {
    TreeSet<Long> ids = new TreeSet<>();
    items.forEach(item -> ids.add(((JsonObject) item).getLong("product_id")));
    String lock = db.dialect().name().equals("mysql") ? LOCK_PRODUCTS_MYSQL : LOCK_PRODUCTS;
    String sql = String.format(lock, String.join(", ", Collections.nCopies(ids.size(), "?")))
        + db.dialect().forUpdate();
    return tx.preparedQuery(sql).execute(Tuple.wrap(new ArrayList<Object>(ids))).compose(rows -> {
      Map<Long, Product> products = new HashMap<>();
      for (Row row : rows) {
        products.put(row.getLong("id"), new Product(row.getLong("id"), row.getLong("price_cents"),
            row.getLong("is_active") == 1L));
      }
      long now = Times.nowMicros();
      return takeStock(tx, items, products, now, 0, new ArrayList<>(), new JsonArray())
          .compose(taken -> finish(tx, userId, now, taken, zone));
    });
  }

  /** Lines in request order; each sees the stock the earlier lines left. */
  private Future<Taken> takeStock(SqlConnection tx, JsonArray items, Map<Long, Product> products, long now, int index,
                                  List<SaleRepository.Line> bought, JsonArray failed) {
    if (index == items.size()) {
      return Future.succeededFuture(new Taken(bought, failed));
    }
    JsonObject item = items.getJsonObject(index);
    long productId = item.getLong("product_id");
    long quantity = item.getLong("quantity");
    Product product = products.get(productId);
    Future<Reason> outcome;
    if (product == null) {
      outcome = Future.succeededFuture(Reason.product_not_found);
    } else if (!product.active()) {
      outcome = Future.succeededFuture(Reason.product_inactive);
    } else {
      outcome = inventory.take(tx, productId, quantity, now).map(ok -> ok ? null : Reason.insufficient_stock);
    }
    return outcome.compose(reason -> {
      if (reason == null) {
        bought.add(new SaleRepository.Line(productId, quantity, product.priceCents()));
      } else {
        failed.add(new JsonObject().put("product_id", productId).put("quantity", quantity).put("reason", reason.name()));
      }
      return takeStock(tx, items, products, now, index + 1, bought, failed);
    });
  }

  private record Taken(List<SaleRepository.Line> bought, JsonArray failed) {
  }

  private Future<JsonObject> finish(SqlConnection tx, long userId, long now, Taken taken, ZoneId zone) {
    if (taken.bought().isEmpty()) {
      return Future.succeededFuture(outcome(409, NOTHING_PURCHASED, new JsonObject().put("failed_items", taken.failed())));
    }
    return sales.record(tx, userId, now, taken.bought()).map(sale -> {
      JsonArray purchased = new JsonArray();
      for (int i = 0; i < taken.bought().size(); i++) {
        SaleRepository.Line line = taken.bought().get(i);
        purchased.add(new JsonObject()
            .put("id", sale.itemIds().get(i))
            .put("sale_id", sale.saleId())
            .put("product_id", line.productId())
            .put("quantity", line.quantity())
            .put("price_per_unit", Money.format(line.priceCents())));
      }
      return outcome(200, PURCHASED, new JsonObject()
          .put("id", sale.saleId())
          .put("user_id", userId)
          .put("total_amount", Money.format(sale.totalCents()))
          .put("created_at", Times.iso(sale.createdAt(), zone))
          .put("purchased_items", purchased)
          .put("failed_items", taken.failed()));
    });
  }

  private static JsonObject outcome(int status, String message, JsonObject data) {
    return new JsonObject().put("status_code", status).put("message", message).put("data", data);
  }
}
