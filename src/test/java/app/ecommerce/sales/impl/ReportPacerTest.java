package app.ecommerce.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.bus.Parts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reports' duty cycle (issue 33): after a unit of work, the next one of any report waits long
 * enough that work is at most the configured share of the time. Lower bounds only: a timer never
 * fires early, so a slow machine can make the gaps longer, never shorter; without the pacer they
 * are about zero.
 */
class ReportPacerTest {
  private static final long UNIT_MS = 40;
  /** What the test's own clock may see of a unit beyond what the pacer saw of it. */
  private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(3);

  private final Vertx vertx = Vertx.vertx();
  /** A node whose buyers take a connection between any two looks. */
  private final AtomicLong served = new AtomicLong();
  private final LongSupplier alwaysServing = served::incrementAndGet;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** A unit of work of about UNIT_MS whose start and end the test records. */
  private Future<Void> unit(List<long[]> spans) {
    long[] span = {System.nanoTime(), 0};
    spans.add(span);
    Promise<Void> done = Promise.promise();
    vertx.setTimer(UNIT_MS, id -> {
      span[1] = System.nanoTime();
      done.complete();
    });
    return done.future();
  }

  private Future<Void> chain(ReportPacer pacer, List<long[]> spans, int units) {
    Future<Void> all = Future.succeededFuture();
    for (int i = 0; i < units; i++) {
      all = all.compose(v -> pacer.paced(() -> unit(spans)));
    }
    return all;
  }

  @Test
  void aUnitIsFollowedByAPauseThatKeepsWorkToTheShare() {
    ReportPacer pacer = new ReportPacer(vertx, 20, alwaysServing);
    List<long[]> spans = new ArrayList<>();
    chain(pacer, spans, 4).await();

    for (int i = 1; i < spans.size(); i++) {
      long worked = spans.get(i - 1)[1] - spans.get(i - 1)[0];
      long gap = spans.get(i)[0] - spans.get(i - 1)[1];
      // at 20 %, a unit's pause is 4 times its work
      assertTrue(gap >= 4 * (worked - SLACK_NANOS), "unit " + i + " started " + gap / 1_000_000 + " ms after a unit of "
          + worked / 1_000_000 + " ms");
    }
  }

  @Test
  void theNextReportWaitsForThePauseOfTheLastOne() {
    ReportPacer pacer = new ReportPacer(vertx, 25, alwaysServing);
    List<long[]> spans = new ArrayList<>();
    chain(pacer, spans, 1).await();
    long[] started = new long[1];
    pacer.afterPause(() -> {
      started[0] = System.nanoTime();
      return Future.succeededFuture();
    }).await();

    long worked = spans.get(0)[1] - spans.get(0)[0];
    long gap = started[0] - spans.get(0)[1];
    assertTrue(gap >= 3 * (worked - SLACK_NANOS), "started " + gap / 1_000_000 + " ms after a unit of "
        + worked / 1_000_000 + " ms");
  }

  @Test
  void partsArePacedPartByPart() {
    ReportPacer pacer = new ReportPacer(vertx, 50, alwaysServing);
    List<long[]> spans = new ArrayList<>();
    int[] left = {3};
    Parts parts = pacer.paced(new Parts() {
      @Override
      public Future<Part> next() {
        return unit(spans).map(v -> new Part(Buffer.buffer("x"), --left[0] == 0));
      }

      @Override
      public void abandon() {
      }
    });
    Future<Void> read = Future.succeededFuture();
    for (int i = 0; i < 3; i++) {
      read = read.compose(v -> parts.next()).mapEmpty();
    }
    read.await();

    assertEquals(3, spans.size());
    for (int i = 1; i < spans.size(); i++) {
      long worked = spans.get(i - 1)[1] - spans.get(i - 1)[0];
      assertTrue(spans.get(i)[0] - spans.get(i - 1)[1] >= worked - SLACK_NANOS, "part " + i + " was not paced");
    }
  }

  @Test
  void aUnitDuringWhichNoBuyerWasServedIsNotFollowedByAPause() {
    AtomicLong buyers = new AtomicLong();
    ReportPacer pacer = new ReportPacer(vertx, 1, buyers::get);
    List<long[]> spans = new ArrayList<>();
    chain(pacer, spans, 2).await();
    assertEquals(0, pacer.pauseLeftNanos(), "an idle node's report works at full speed");

    // a buyer served during the next unit: at 1 %, a pause of 99 times the unit (seconds) follows
    pacer.paced(() -> unit(spans).onComplete(done -> buyers.incrementAndGet())).await();
    assertTrue(pacer.pauseLeftNanos() > 0, "no pause after a unit during which a buyer was served");
  }

  @Test
  void halfTheTimeOnTwoCoresNoPauseAbove() {
    assertEquals(50, ReportPacer.defaultPercent(1));
    assertEquals(50, ReportPacer.defaultPercent(2));
    assertEquals(100, ReportPacer.defaultPercent(4));
  }
}
