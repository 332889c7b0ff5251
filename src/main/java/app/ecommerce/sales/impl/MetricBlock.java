package app.ecommerce.sales.impl;

import app.ecommerce.money.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric block being summed: cents and units per product and per category, kept in id order
 * so that both engines, and every run, give the same JSON byte for byte. Sums are exact at any
 * size: revenue can pass 2^63 − 1 cents, where a long would overflow.
 */
final class MetricBlock {
  /** Names of a product and its category, as they are now. */
  record Product(long id, String name, long categoryId, String categoryName, String categorySlug) {
  }

  private final Map<Long, BigInteger[]> byProduct = new TreeMap<>();
  private final Map<Long, BigInteger[]> byCategory = new TreeMap<>();
  private BigInteger revenue = BigInteger.ZERO;

  void add(Product product, BigInteger quantity, BigInteger revenueCents) {
    revenue = revenue.add(revenueCents);
    add(byProduct, product.id(), quantity, revenueCents);
    add(byCategory, product.categoryId(), quantity, revenueCents);
  }

  private static void add(Map<Long, BigInteger[]> sums, long id, BigInteger quantity, BigInteger revenueCents) {
    BigInteger[] sum = sums.computeIfAbsent(id, k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
    sum[0] = sum[0].add(quantity);
    sum[1] = sum[1].add(revenueCents);
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
      quantityByCategory.put(key, number(sum[0]));
    });
    JsonObject revenueByProduct = new JsonObject();
    JsonObject quantityByProduct = new JsonObject();
    byProduct.forEach((id, sum) -> {
      String key = id + "," + products.get(id).name();
      revenueByProduct.put(key, Money.format(sum[1]));
      quantityByProduct.put(key, number(sum[0]));
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

  /** A long when it fits (the JSON is the same either way; the long is cheaper to encode). */
  private static Number number(BigInteger value) {
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }
}
