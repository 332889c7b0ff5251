package app.ecommerce.bus;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The deadlines of the in-place calls pending on one binding (one operation of one service
 * instance), checked by one periodic sweep on the service's context while any is pending. A
 * Vert.x timer set and cancelled per call (a concurrent map, the context's close hooks and the
 * event loop's scheduled-task queue, each twice per call) was 3 % of a product read's event-loop
 * time; here a call costs a link into a list and an unlink. A call that outlives its deadline
 * fails at the next sweep, so up to {@link #SWEEP_MS} late: service deadlines are seconds.
 *
 * <p>Confined to the binding's thread: calls, answers and sweeps all run on it. The sweep belongs
 * to the service's context, so it ends when the service is undeployed; the binding ends then too,
 * and the service's resources close with it, which fails what it still had pending.
 */
final class InPlaceDeadlines {
  static final long SWEEP_MS = 50;
  private static final long NO_SWEEP = -1;

  /** One pending call: a node of the list, oldest first. */
  static final class Call {
    private final long deadlineNanos;
    private final Promise<?> answered;
    private Call previous;
    private Call next;
    private boolean linked;

    private Call(long deadlineNanos, Promise<?> answered) {
      this.deadlineNanos = deadlineNanos;
      this.answered = answered;
    }
  }

  private final Vertx vertx;
  private final String address;
  private Call first;
  private Call last;
  private long sweepTimer = NO_SWEEP;

  InPlaceDeadlines(Vertx vertx, String address) {
    this.vertx = vertx;
    this.address = address;
  }

  /** Fails {@code answered} with the bus's 503 unless it is {@link #done done} within {@code timeoutMs}. */
  Call watch(Promise<?> answered, long timeoutMs) {
    Call call = new Call(System.nanoTime() + timeoutMs * 1_000_000L, answered);
    call.previous = last;
    if (last == null) {
      first = call;
    } else {
      last.next = call;
    }
    last = call;
    call.linked = true;
    return call;
  }

  /** Starts the sweep if it is not running; called on the service's context, which then owns it. */
  void sweepOnThisContext() {
    if (sweepTimer == NO_SWEEP && first != null) {
      sweepTimer = vertx.setPeriodic(SWEEP_MS, this::sweep);
    }
  }

  /** The call is answered: stop watching it (again is harmless, as after a timeout). */
  void done(Call call) {
    if (!call.linked) {
      return;
    }
    call.linked = false;
    if (call.previous == null) {
      first = call.next;
    } else {
      call.previous.next = call.next;
    }
    if (call.next == null) {
      last = call.previous;
    } else {
      call.next.previous = call.previous;
    }
    call.previous = null;
    call.next = null;
  }

  /**
   * Fails the calls past their deadline (the list is in call order, not deadline order: timeouts
   * differ); stops when none is pending, so that an idle event loop has no timer.
   */
  private void sweep(long timer) {
    long now = System.nanoTime();
    Call call = first;
    while (call != null) {
      Call next = call.next; // failing a call runs its callbacks, which may add calls at the end
      if (now - call.deadlineNanos >= 0) {
        done(call);
        call.answered.tryFail(ServiceClient.timedOut(address));
      }
      call = next;
    }
    if (first == null) {
      vertx.cancelTimer(timer);
      sweepTimer = NO_SWEEP;
    }
  }
}
