package app.ecommerce.sales.impl;

import app.ecommerce.money.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric block being summed: integer cents and units per product and per category, kept in
 * id order so that both engines, and every run, give the same JSON byte for byte.
 */
final class Metrics {
  /** Names of a product and its category, as they are now. */
  record Product(long id, String name, long categoryId, String categoryName, String categorySlug) {
  }

  private final Map<Long, long[]> byProduct = new TreeMap<>();
  private final Map<Long, long[]> byCategory = new TreeMap<>();
  private long revenue;

  void add(Product product, long quantity, long revenueCents) {
    revenue = Math.addExact(revenue, revenueCents);
    add(byProduct, product.id(), quantity, revenueCents);
    add(byCategory, product.categoryId(), quantity, revenueCents);
  }

  private static void add(Map<Long, long[]> sums, long id, long quantity, long revenueCents) {
    long[] sum = sums.computeIfAbsent(id, k -> new long[2]);
    sum[0] = Math.addExact(sum[0], quantity);
    sum[1] = Math.addExact(sum[1], revenueCents);
  }

  long revenue() {
    return revenue;
  }

  /**
   * {@code {sales: [], total_revenue, revenue_by_categories, revenue_by_products, quantity_by_...}};
   * {@link AnswerWriter} puts the rows into {@code sales} as it encodes the block.
   */
  JsonObject toJson(Map<Long, Product> products, Map<Long, String> categoryNames) {
    JsonObject revenueByCategory = new JsonObject();
    JsonObject quantityByCategory = new JsonObject();
    byCategory.forEach((id, sum) -> {
      String key = id + "," + categoryNames.get(id);
      revenueByCategory.put(key, Money.format(sum[1]));
      quantityByCategory.put(key, sum[0]);
    });
    JsonObject revenueByProduct = new JsonObject();
    JsonObject quantityByProduct = new JsonObject();
    byProduct.forEach((id, sum) -> {
      String key = id + "," + products.get(id).name();
      revenueByProduct.put(key, Money.format(sum[1]));
      quantityByProduct.put(key, sum[0]);
    });
    JsonObject block = new JsonObject()
        .put("sales", new JsonArray())
        .put("total_revenue", Money.format(revenue))
        .put("revenue_by_categories", revenueByCategory)
        .put("revenue_by_products", revenueByProduct)
        .put("quantity_by_categories", quantityByCategory)
        .put("quantity_by_products", quantityByProduct);
    return block;
  }
}
