package app.ecommerce.sales.impl;

import app.ecommerce.bus.ServiceOperations;
import app.ecommerce.db.Database;
import app.ecommerce.sales.SalesContract;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Serves {@link SalesContract}; deployed with the worker threading model, so folding sums into
 * periods and formatting large answers never runs on an event loop.
 */
public final class SalesAnalyticsVerticle extends VerticleBase {
  private final Database db;

  public SalesAnalyticsVerticle(Database db) {
    this.db = db;
  }

  @Override
  public Future<?> start() {
    SalesService sales = new SalesService(db);
    return ServiceOperations.bind(vertx, Map.of(
        SalesContract.SALES_DATA, sales::salesData,
        SalesContract.CSV_PAGE, sales::csvPage,
        SalesContract.PING, body -> db.ping().map(v -> new JsonObject())), db.dialect()::isUnavailable);
  }
}
