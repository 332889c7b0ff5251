package app.ecommerce.auth.impl;

import app.ecommerce.bus.Errors;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The logins of this node, from arrival to answer (API.md §3.2): at most {@code capacity} at once
 * (the hashing threads plus {@code LOGIN_QUEUE} waiting); beyond that a login is refused at once
 * with 429 and {@code Retry-After}. A login whose attempt cannot be counted yet, because attempts
 * of the same e-mail or address in flight fill the throttle's limit ({@link LoginThrottle#BUSY}),
 * waits here, first come first served per key, and tries again when an attempt of its key settles
 * ({@link #settled}, published by whichever node settled it) or, failing that, after a growing
 * delay. Waiting costs a promise and a timer; argon2's memory is only taken by running checks.
 *
 * <p>Confined to the auth verticle's event loop, like the service that uses it.
 */
final class LoginQueue {
  static final String FULL = "Too many logins waiting; try again shortly";
  private static final long FIRST_DELAY_MS = 200;
  private static final long LONGEST_DELAY_MS = 2_000;

  private final Vertx vertx;
  private final LoginThrottle throttle;
  private final int capacity;
  private final PasswordHasher hasher;
  private final Map<String, Deque<Waiter>> waiting = new HashMap<>();
  private int inProgress;

  private final class Waiter {
    final String email;
    final String address;
    final Promise<Long> admitted = Promise.promise();
    long delay = FIRST_DELAY_MS;
    long timer = -1;
    boolean queued;

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
    return admit(new Waiter(email, address))
        .compose(check)
        .andThen(done -> inProgress--);
  }

  private Future<Long> admit(Waiter waiter) {
    tryReserve(waiter);
    return waiter.admitted.future();
  }

  private void tryReserve(Waiter waiter) {
    throttle.reserve(waiter.email, waiter.address).onComplete(done -> {
      if (done.succeeded()) {
        waiter.admitted.complete(done.result());
      } else if (done.cause() == LoginThrottle.BUSY) {
        enqueue(waiter);
      } else {
        waiter.admitted.fail(done.cause());
        // refused (429) or failed: the next in line of its keys learns its own fate now, not at its timer
        wakeNext(waiter.email, waiter.address);
      }
    });
  }

  private void enqueue(Waiter waiter) {
    boolean again = waiter.delay > FIRST_DELAY_MS;
    waiter.queued = true;
    for (String key : LoginThrottle.keys(waiter.email, waiter.address)) {
      Deque<Waiter> line = waiting.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (again) {
        line.addFirst(waiter); // woken and still not admitted: it keeps its place
      } else {
        line.addLast(waiter);
      }
    }
    long delay = waiter.delay;
    waiter.delay = Math.min(LONGEST_DELAY_MS, delay * 2);
    waiter.timer = vertx.setTimer(delay, id -> {
      waiter.timer = -1;
      wake(waiter);
    });
  }

  /** An attempt of these keys settled, on this node or another: the first waiter of each tries again. */
  void settled(String email, String address) {
    wakeNext(email, address);
  }

  private void wakeNext(String email, String address) {
    for (String key : LoginThrottle.keys(email, address)) {
      Deque<Waiter> line = waiting.get(key);
      Waiter next = null;
      while (line != null && next == null && !line.isEmpty()) {
        Waiter head = line.pollFirst();
        next = head.queued ? head : null; // a waiter woken through its other key has left already
      }
      if (line != null && line.isEmpty()) {
        waiting.remove(key);
      }
      if (next != null) {
        wake(next);
      }
    }
  }

  private void wake(Waiter waiter) {
    if (!waiter.queued) {
      return;
    }
    waiter.queued = false;
    if (waiter.timer >= 0) {
      vertx.cancelTimer(waiter.timer);
      waiter.timer = -1;
    }
    for (String key : LoginThrottle.keys(waiter.email, waiter.address)) {
      Deque<Waiter> line = waiting.get(key);
      if (line != null) {
        line.remove(waiter);
        if (line.isEmpty()) {
          waiting.remove(key);
        }
      }
    }
    tryReserve(waiter);
  }
}
