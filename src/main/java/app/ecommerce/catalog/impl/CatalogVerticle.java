package app.ecommerce.catalog.impl;

import app.ecommerce.bus.ServiceOperations;
import app.ecommerce.catalog.CatalogContract;
import app.ecommerce.db.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@link CatalogContract} on the event bus. */
public final class CatalogVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogVerticle.class);
  private static final long KEY_SWEEP_MS = 60 * 60 * 1000L;
  private final Database db;
  private final MeterRegistry metrics;

  /** @param metrics where the purchase and revenue counters go */
  public CatalogVerticle(Database db, MeterRegistry metrics) {
    this.db = db;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    CatalogService catalog = new CatalogService(db);
    PurchaseService purchases = new PurchaseService(db, new PurchaseMetrics(metrics));
    vertx.setPeriodic(KEY_SWEEP_MS, id -> purchases.purgeExpiredKeys()
        .onFailure(e -> LOG.warn("Could not purge expired idempotency keys: {}", e.toString())));
    return ServiceOperations.bind(vertx, Map.of(
        CatalogContract.CREATE_CATEGORY, catalog::createCategory,
        CatalogContract.LIST_CATEGORIES, catalog::listCategories,
        CatalogContract.CREATE_PRODUCT, catalog::createProduct,
        CatalogContract.LIST_PRODUCTS, catalog::listProducts,
        CatalogContract.GET_PRODUCT, catalog::getProduct,
        CatalogContract.LOW_STOCK, catalog::lowStock,
        CatalogContract.ADD_INVENTORY, catalog::addInventory,
        CatalogContract.PURCHASE, purchases::purchase,
        CatalogContract.PING, body -> db.ping().map(v -> new JsonObject())), db.dialect()::isUnavailable);
  }
}
