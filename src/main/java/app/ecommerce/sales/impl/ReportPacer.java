package app.ecommerce.sales.impl;

import app.ecommerce.bus.Parts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Bounds the share of time the node's reports spend working while the node also serves buyers, so
 * that on a node of few cores they leave CPU to purchases and catalog reads (ANALYTICS_CPU_PERCENT;
 * docs/decisions.md, issue 33). The reports' pool bounds how many reports read at once; this bounds
 * how hard the one that reads may work: each page of rows (its read, the rows' decoding and their
 * encoding, on whichever threads those run) during which the node's main pool was asked for a
 * connection is followed by a pause long enough that the page's work is at most {@code percent} of
 * the time from its start to the end of the pause. A page during which no buyer was served is not followed by a pause: a report on an
 * idle node, or on a node that runs only analytics, works at full speed. The pause holds the
 * report's connection, and the next report of the node starts only once it is over, so with one
 * report connection the reports of the node work at most that share of the time, queueing
 * meanwhile in the reports' pool as they did before. The pages' downstream costs (the response's
 * writes, the client's reads) follow their pace. The short head of an answer (count and totals),
 * aggregated answers and CSV pages (whose call also holds the wait for the connection, which is
 * not work) are not timed, only made to wait for the pause to end.
 *
 * <p>Hand-written: a duty cycle around the service's own units of work, which neither Vert.x nor
 * the SQL clients offer; thread priorities would not do, as the work spans shared worker
 * threads, the event loops and, on MySQL, the database server.
 */
final class ReportPacer {
  private final Vertx vertx;
  private final int percent;
  private final LongSupplier buyersServed;
  private long resumeAtNanos = System.nanoTime();

  /**
   * @param percent the share of time reports may work, 1 to 100 (100: never pause)
   * @param buyersServed a count that rises while the node serves buyers ({@link
   *     app.ecommerce.db.Database#mainPoolLeases()})
   */
  ReportPacer(Vertx vertx, int percent, LongSupplier buyersServed) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent must be 1 to 100, not " + percent);
    }
    this.vertx = vertx;
    this.percent = percent;
    this.buyersServed = buyersServed;
  }

  /**
   * ANALYTICS_CPU_PERCENT when it is 0: half the time on a node of up to 2 cores, where a report
   * working flat out takes one of the two cores from the buyers; no pause above, where cores are
   * left over.
   */
  static int defaultPercent(int cores) {
    return cores <= 2 ? 50 : 100;
  }

  /** {@code unit} once the reports' current pause is over; its time is not counted. */
  <T> Future<T> afterPause(Supplier<Future<T>> unit) {
    return pauseOver().compose(v -> unit.get());
  }

  /**
   * {@code unit} once the current pause is over, then, if buyers were served meanwhile, a pause in
   * proportion to its time.
   */
  <T> Future<T> paced(Supplier<Future<T>> unit) {
    return pauseOver().compose(v -> {
      long served = buyersServed.getAsLong();
      long start = System.nanoTime();
      return unit.get().onComplete(done -> {
        if (buyersServed.getAsLong() != served) {
          worked(start, System.nanoTime());
        }
      });
    });
  }

  /** {@code parts} with each part paced: the service's next page waits for the pause to end. */
  Parts paced(Parts parts) {
    return new Parts() {
      @Override
      public Future<Part> next() {
        return paced(parts::next);
      }

      @Override
      public void abandon() {
        parts.abandon();
      }
    };
  }

  /** After a unit that ran from {@code start} to {@code end}: no next unit before the pause is over. */
  synchronized void worked(long start, long end) {
    if (percent == 100) {
      return;
    }
    long pause = (end - start) * (100 - percent) / percent;
    resumeAtNanos = Math.max(resumeAtNanos, end + pause);
  }

  /** How long the next unit would wait now, in nanoseconds (0: none). */
  synchronized long pauseLeftNanos() {
    return Math.max(0, resumeAtNanos - System.nanoTime());
  }

  private Future<Void> pauseOver() {
    long waitNanos;
    synchronized (this) {
      waitNanos = resumeAtNanos - System.nanoTime();
    }
    if (waitNanos <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> over = Promise.promise();
    // timers have millisecond resolution: round up, so that a pause is never cut short
    vertx.setTimer(Math.max(1, (waitNanos + 999_999) / 1_000_000), id -> over.complete());
    return over.future();
  }
}
