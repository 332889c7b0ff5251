package app.ecommerce.catalog.impl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * Business counters of purchase_products, counted once per purchase request after its
 * transaction committed: {@code ecommerce_purchases_total{outcome}} and
 * {@code ecommerce_revenue_cents_total} (whole cents, so sums stay exact).
 */
final class PurchaseMetrics {
  /** Why a purchase request ended the way it did. */
  enum Outcome { purchased, nothing_purchased, replayed, failed }

  private final Counter[] purchases = new Counter[Outcome.values().length];
  private final Counter revenueCents;

  PurchaseMetrics(MeterRegistry registry) {
    for (Outcome outcome : Outcome.values()) {
      purchases[outcome.ordinal()] = Counter.builder("ecommerce.purchases")
          .description("purchase_products requests by outcome (replayed: an Idempotency-Key answered again)")
          .tag("outcome", outcome.name())
          .register(registry);
    }
    revenueCents = Counter.builder("ecommerce.revenue.cents")
        .description("Revenue of committed purchases, in cents")
        .register(registry);
  }

  /** A purchase that ran (not a replay): 200 with its total, or 409 when no line could be bought. */
  void committed(JsonObject outcome) {
    if (outcome.getInteger("status_code") == 200) {
      purchases[Outcome.purchased.ordinal()].increment();
      String total = outcome.getJsonObject("data").getString("total_amount");
      revenueCents.increment(new BigDecimal(total).movePointRight(2).longValueExact());
    } else {
      purchases[Outcome.nothing_purchased.ordinal()].increment();
    }
  }

  void replayed() {
    purchases[Outcome.replayed.ordinal()].increment();
  }

  void failed() {
    purchases[Outcome.failed.ordinal()].increment();
  }
}
