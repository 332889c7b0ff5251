package app.ecommerce.sales.impl;

import app.ecommerce.bus.Parts;
import app.ecommerce.bus.ServiceOperations;
import app.ecommerce.db.Database;
import app.ecommerce.sales.SalesContract;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link SalesContract}; deployed with the worker threading model, so folding sums into
 * periods and formatting large answers never runs on an event loop. It also keeps the sales
 * totals folded ({@link SalesRollup}): batch after batch while there is a backlog (a backfill
 * after an upgrade, an import or demo data, with its progress in the log), then once a second.
 * Answers never wait for it: what is not folded yet is read from the sale rows. Reports are
 * paced ({@link ReportPacer}) so that on a small node serving buyers they leave CPU to them.
 */
public final class SalesAnalyticsVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SalesAnalyticsVerticle.class);
  static final long IDLE_MS = 1_000;
  static final long RETRY_MS = 5_000;
  /** A backlog of this many items is a backfill: its progress is logged. */
  static final long BACKFILL_ITEMS = 100_000;
  static final long PROGRESS_EVERY_MS = 5_000;

  private final Database db;
  private final int cpuPercent;
  private SalesRollup rollup;
  private volatile boolean stopped;
  private Future<?> running = Future.succeededFuture();
  private Backfill backfill;

  /** @param cpuPercent the share of time reports may work ({@link ReportPacer}), 1 to 100 */
  public SalesAnalyticsVerticle(Database db, int cpuPercent) {
    this.db = db;
    this.cpuPercent = cpuPercent;
  }

  /** ANALYTICS_CPU_PERCENT when it is 0 (the default): see {@link ReportPacer#defaultPercent}. */
  public static int defaultCpuPercent(int cores) {
    return ReportPacer.defaultPercent(cores);
  }

  @Override
  public Future<?> start() {
    SalesService sales = new SalesService(db);
    ReportPacer pacer = new ReportPacer(vertx, cpuPercent, db::mainPoolLeases);
    rollup = new SalesRollup(db);
    vertx.setTimer(1, id -> fold());
    return ServiceOperations.bind(vertx, Map.of(
        SalesContract.SALES_DATA, body -> pacer.afterPause(() -> sales.salesData(body))
            .map(answer -> answer instanceof Parts parts ? pacer.paced(parts) : answer),
        SalesContract.CSV_PAGE, body -> pacer.afterPause(() -> sales.csvPage(body)),
        SalesContract.PING, body -> db.ping().map(v -> new JsonObject()),
        SalesContract.ALIVE, body -> Future.succeededFuture(new JsonObject())),
        db.dialect()::isUnavailable, db.dialect()::isOutcomeUnknown);
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return running.otherwiseEmpty();
  }

  private void fold() {
    if (stopped) {
      return;
    }
    running = rollup.step().onComplete(done -> {
      if (done.failed()) {
        LOG.warn("Folding sales totals failed; answers read the sale rows meanwhile", done.cause());
        schedule(RETRY_MS);
        return;
      }
      SalesRollup.Step step = done.result();
      progress(step);
      schedule(step.caughtUp() ? IDLE_MS : 0);
    });
  }

  private void schedule(long delayMs) {
    if (!stopped) {
      vertx.setTimer(Math.max(1, delayMs), id -> fold());
    }
  }

  private void progress(SalesRollup.Step step) {
    if (backfill == null && step.last() - step.from() >= BACKFILL_ITEMS) {
      backfill = new Backfill(step.from(), step.last(), System.currentTimeMillis());
      LOG.info("Sales totals: folding sale items {} to {} (backfill); answers stay exact meanwhile",
          step.from() + 1, step.last());
    }
    if (backfill == null) {
      return;
    }
    long now = System.currentTimeMillis();
    if (step.caughtUp()) {
      LOG.info("Sales totals: up to date at sale item {} ({} s)", step.to(), (now - backfill.startedMs) / 1000);
      backfill = null;
    } else if (now - backfill.shownMs >= PROGRESS_EVERY_MS) {
      backfill.shownMs = now;
      long total = Math.max(1, backfill.last - backfill.first);
      LOG.info("Sales totals: {}% ({} of {} sale item ids)", (step.to() - backfill.first) * 100 / total,
          step.to() - backfill.first, total);
    }
  }

  private static final class Backfill {
    final long first;
    final long last;
    final long startedMs;
    long shownMs;

    Backfill(long first, long last, long startedMs) {
      this.first = first;
      this.last = last;
      this.startedMs = startedMs;
      this.shownMs = startedMs;
    }
  }
}
