package app.ecommerce.auth.impl;

import app.ecommerce.bus.Errors;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Function;

/**
 * The logins of this node, from arrival to answer (API.md §3.2): at most {@code capacity} at once
 * (the hashing threads plus {@code LOGIN_QUEUE} waiting); beyond that a login is refused at once
 * with 429 and {@code Retry-After}.
 *
 * <p>Each login first reserves its attempt ({@link LoginThrottle#reserve}). This node runs those
 * reservations one at a time: they lock the address's and the e-mail's throttle rows, and a burst
 * of them from one address would otherwise hold every pooled connection waiting for one row lock,
 * until logins waited past the pool's connection timeout and got 503 (docs/benchmarks.md).
 * A reservation takes a few milliseconds; argon2 takes tens, so the one-at-a-time lane is never
 * what limits logins. A login whose attempt cannot be counted yet, because attempts of the same
 * e-mail or address in flight fill the throttle's limit ({@link LoginThrottle#BUSY}), waits, first
 * come first served per key, and tries again when an attempt of its key settles ({@link #settled},
 * published by whichever node settled it); once a second the oldest waiter tries again anyway, for
 * attempts of a node that went away. Waiting costs a promise; argon2's memory is only taken by
 * running checks.
 *
 * <p>Confined to the auth verticle's event loop, like the service that uses it.
 */
final class LoginQueue {
  static final String FULL = "Too many logins waiting; try again shortly";
  private static final long NUDGE_MS = 1_000;

  private final Vertx vertx;
  private final LoginThrottle throttle;
  private final PasswordHasher hasher;
  private final int capacity;
  /** Reservations to run, one at a time. */
  private final Deque<Waiter> lane = new ArrayDeque<>();
  /** Waiters by key, first come first served; and all of them, oldest first. */
  private final Map<String, Deque<Waiter>> byKey = new HashMap<>();
  private final LinkedHashSet<Waiter> waiting = new LinkedHashSet<>();
  private boolean reserving;
  /** Settlements seen so far: one during a reservation may have freed the place it found taken. */
  private long settlements;
  private long nudge = -1;
  private int inProgress;

  private static final class Waiter {
    final String email;
    final String address;
    final Promise<Long> admitted = Promise.promise();
    long settlementsAtStart;
    boolean waitedBefore;

    Waiter(String email, String address) {
      this.email = email;
      this.address = address;
    }
  }

  LoginQueue(Vertx vertx, LoginThrottle throttle, PasswordHasher hasher, int loginQueue) {
    this.vertx = vertx;
    this.throttle = throttle;
    this.hasher = hasher;
    this.capacity = loginQueue + hasher.threads();
  }

  /**
   * Runs {@code check} with the id of this login's counted attempt once the throttle lets its
   * password be checked; fails with 429 when the throttle refuses or the queue is full.
   */
  <T> Future<T> run(String email, String address, Function<Long, Future<T>> check) {
    if (inProgress >= capacity) {
      return Future.failedFuture(Errors.tooManyRequests(FULL, hasher.estimatedWaitSeconds(inProgress)));
    }
    inProgress++;
    Waiter waiter = new Waiter(email, address);
    submit(waiter);
    return waiter.admitted.future()
        .compose(check)
        .andThen(done -> inProgress--);
  }

  /** An attempt of these keys settled, on this node or another: the first waiter of each tries again. */
  void settled(String email, String address) {
    settlements++;
    for (String key : LoginThrottle.keys(email, address)) {
      Deque<Waiter> line = byKey.get(key);
      if (line != null) {
        wake(line.peekFirst());
      }
    }
  }

  private void submit(Waiter waiter) {
    lane.addLast(waiter);
    reserveNext();
  }

  private void reserveNext() {
    if (reserving || lane.isEmpty()) {
      return;
    }
    reserving = true;
    Waiter waiter = lane.pollFirst();
    waiter.settlementsAtStart = settlements;
    throttle.reserve(waiter.email, waiter.address).onComplete(done -> {
      reserving = false;
      if (done.succeeded()) {
        waiter.admitted.complete(done.result());
      } else if (done.cause() != LoginThrottle.BUSY) {
        waiter.admitted.fail(done.cause());
        // refused (429) or failed: the next in line of its keys learns its own fate now
        settled(waiter.email, waiter.address);
      } else if (settlements != waiter.settlementsAtStart) {
        submit(waiter); // an attempt settled while this one counted: the place may be free now
      } else {
        await(waiter);
      }
      reserveNext();
    });
  }

  private void await(Waiter waiter) {
    waiting.add(waiter);
    for (String key : LoginThrottle.keys(waiter.email, waiter.address)) {
      Deque<Waiter> line = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (waiter.waitedBefore) {
        line.addFirst(waiter); // woken and still not admitted: it keeps its place
      } else {
        line.addLast(waiter);
      }
    }
    waiter.waitedBefore = true;
    if (nudge < 0) {
      nudge = vertx.setPeriodic(NUDGE_MS, id -> {
        if (waiting.isEmpty()) {
          vertx.cancelTimer(nudge);
          nudge = -1;
        } else {
          wake(waiting.iterator().next());
        }
      });
    }
  }

  private void wake(Waiter waiter) {
    if (waiter == null || !waiting.remove(waiter)) {
      return;
    }
    for (String key : LoginThrottle.keys(waiter.email, waiter.address)) {
      Deque<Waiter> line = byKey.get(key);
      if (line != null) {
        for (Iterator<Waiter> it = line.iterator(); it.hasNext(); ) {
          if (it.next() == waiter) {
            it.remove();
            break;
          }
        }
        if (line.isEmpty()) {
          byKey.remove(key);
        }
      }
    }
    submit(waiter);
  }
}
