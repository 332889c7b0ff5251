package app.ecommerce.sales;

import app.ecommerce.catalog.impl.SaleRepository;
import app.ecommerce.db.Database;
import app.ecommerce.money.Money;
import app.ecommerce.support.Api;
import app.ecommerce.support.TestServer;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catalog rows through the real API, sales at chosen instants through the real repository, and
 * the JSON the contract promises for them, built by hand so that tests compare whole answers.
 */
final class SalesFixtures {
  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

  record Category(long id, String name, String slug) {
    String key() {
      return id + "," + name;
    }
  }

  record Product(long id, String name, Category category, long priceCents) {
    String key() {
      return id + "," + name;
    }
  }

  /** One line of a placed sale, with the ids the database gave it. */
  record Item(long saleId, long itemId, long userId, long createdAt, Product product, long quantity) {
    long revenue() {
      return product.priceCents() * quantity;
    }

    JsonObject json(ZoneId zone) {
      return new JsonObject()
          .put("id", saleId)
          .put("sale_item_id", itemId)
          .put("user_id", userId)
          .put("created_at", Times.iso(createdAt, zone))
          .put("product_id", product.id())
          .put("product_name", product.name())
          .put("price_per_unit", Money.format(product.priceCents()))
          .put("quantity", quantity)
          .put("revenue", Money.format(revenue()))
          .put("category_id", product.category().id())
          .put("category_name", product.category().name())
          .put("category_slug", product.category().slug());
    }
  }

  private final TestServer server;
  private final Api api;
  private final String admin;

  SalesFixtures(TestServer server) {
    this.server = server;
    this.api = server.api();
    this.admin = server.adminToken();
  }

  Category category(String name) {
    return category(name, "sales-" + SEQ.incrementAndGet());
  }

  Category category(String name, String slug) {
    Api.Response r = api.put("create_category").token(admin)
        .json(new JsonObject().put("category_name", name).put("category_slug", slug)).send();
    if (r.status() != 200) {
      throw new AssertionError("create_category: " + r);
    }
    return new Category(r.data().getLong("id"), name, slug);
  }

  Product product(Category category, String name, String price) {
    Api.Response r = api.put("create_product").token(admin).json(new JsonObject()
        .put("product_name", name).put("description", null).put("category_id", category.id())
        .put("price", price)).send();
    if (r.status() != 200) {
      throw new AssertionError("create_product: " + r);
    }
    return new Product(r.data().getLong("id"), name, category,
        new BigDecimal(price).movePointRight(2).longValueExact());
  }

  /** Places one sale at {@code at} with lines of (product, quantity) through SaleRepository. */
  List<Item> sale(long userId, String at, Object... productQuantity) {
    long micros = Times.toMicros(Instant.parse(at));
    List<SaleRepository.Line> lines = new ArrayList<>();
    for (int i = 0; i < productQuantity.length; i += 2) {
      Product p = (Product) productQuantity[i];
      lines.add(new SaleRepository.Line(p.id(), ((Number) productQuantity[i + 1]).longValue(), p.priceCents()));
    }
    Database db = server.app().db();
    SaleRepository.Recorded recorded;
    try {
      recorded = db.inTransaction(tx -> new SaleRepository(db.dialect()).record(tx, userId, micros, lines))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("recording a sale failed: " + e, e);
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      items.add(new Item(recorded.saleId(), recorded.itemIds().get(i), userId, micros,
          (Product) productQuantity[2 * i], lines.get(i).quantity()));
    }
    return items;
  }

  /** The metric block the contract promises for these items (sales listed when {@code rows}). */
  static JsonObject block(List<Item> items, boolean rows, ZoneId zone) {
    TreeMap<Long, long[]> byProduct = new TreeMap<>();
    TreeMap<Long, long[]> byCategory = new TreeMap<>();
    Map<Long, Product> products = new HashMap<>();
    long total = 0;
    JsonArray sales = new JsonArray();
    for (Item item : items) {
      total += item.revenue();
      products.put(item.product().id(), item.product());
      long[] p = byProduct.computeIfAbsent(item.product().id(), k -> new long[2]);
      p[0] += item.quantity();
      p[1] += item.revenue();
      long[] c = byCategory.computeIfAbsent(item.product().category().id(), k -> new long[2]);
      c[0] += item.quantity();
      c[1] += item.revenue();
      if (rows) {
        sales.add(item.json(zone));
      }
    }
    JsonObject revCat = new JsonObject();
    JsonObject qtyCat = new JsonObject();
    byCategory.forEach((id, s) -> {
      Category cat = products.values().stream().filter(p -> p.category().id() == id).findFirst().get().category();
      revCat.put(cat.key(), Money.format(s[1]));
      qtyCat.put(cat.key(), s[0]);
    });
    JsonObject revProd = new JsonObject();
    JsonObject qtyProd = new JsonObject();
    byProduct.forEach((id, s) -> {
      revProd.put(products.get(id).key(), Money.format(s[1]));
      qtyProd.put(products.get(id).key(), s[0]);
    });
    return new JsonObject()
        .put("sales", sales)
        .put("total_revenue", Money.format(total))
        .put("revenue_by_categories", revCat)
        .put("revenue_by_products", revProd)
        .put("quantity_by_categories", qtyCat)
        .put("quantity_by_products", qtyProd);
  }

  /** A bucket: the block plus its start and end with offsets. */
  static JsonObject bucket(List<Item> items, boolean rows, ZoneId zone, String start, String end) {
    return block(items, rows, zone).put("start", start).put("end", end);
  }

  @SafeVarargs
  static List<Item> all(List<Item>... sales) {
    List<Item> items = new ArrayList<>();
    for (List<Item> sale : sales) {
      items.addAll(sale);
    }
    return items;
  }
}
