package app.ecommerce.catalog.impl;

import app.ecommerce.bus.ServiceOperations;
import app.ecommerce.catalog.CatalogContract;
import app.ecommerce.db.Database;
import app.ecommerce.idempotency.IdempotentWrites;
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
    IdempotentWrites writes = new IdempotentWrites(db);
    CatalogService catalog = new CatalogService(db, writes);
    PurchaseService purchases = new PurchaseService(db, writes, new PurchaseMetrics(metrics));
    PurchaseHistory history = new PurchaseHistory(db);
    vertx.setPeriodic(KEY_SWEEP_MS, id -> writes.purgeExpired()
        .onFailure(e -> LOG.warn("Could not purge expired idempotency keys: {}", e.toString())));
    return ServiceOperations.bind(vertx, Map.ofEntries(
        Map.entry(CatalogContract.CREATE_CATEGORY, catalog::createCategory),
        Map.entry(CatalogContract.LIST_CATEGORIES, catalog::listCategories),
        Map.entry(CatalogContract.CREATE_PRODUCT, catalog::createProduct),
        Map.entry(CatalogContract.LIST_PRODUCTS, catalog::listProducts),
        Map.entry(CatalogContract.GET_PRODUCT, catalog::getProduct),
        Map.entry(CatalogContract.LOW_STOCK, catalog::lowStock),
        Map.entry(CatalogContract.ADD_INVENTORY, catalog::addInventory),
        Map.entry(CatalogContract.PURCHASE, purchases::purchase),
        Map.entry(CatalogContract.UPDATE_PRODUCT, catalog::updateProduct),
        Map.entry(CatalogContract.UPDATE_CATEGORY, catalog::updateCategory),
        Map.entry(CatalogContract.DELETE_CATEGORY, catalog::deleteCategory),
        Map.entry(CatalogContract.ADJUST_INVENTORY, catalog::adjustInventory),
        Map.entry(CatalogContract.MOVEMENTS, catalog::movements),
        Map.entry(CatalogContract.LIST_PURCHASES, history::list),
        Map.entry(CatalogContract.GET_PURCHASE, history::get),
        Map.entry(CatalogContract.PING, body -> db.ping().map(v -> new JsonObject()))), db.dialect()::isUnavailable, db.dialect()::isOutcomeUnknown);
  }
}
