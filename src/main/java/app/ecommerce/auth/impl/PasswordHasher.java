package app.ecommerce.auth.impl;

import app.ecommerce.auth.Argon2Hashing;
import app.ecommerce.bus.Errors;
import app.ecommerce.config.Cores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs argon2 off the event loop on a bounded worker pool (one thread per core: argon2 is pure
 * CPU and memory). Up to {@code LOGIN_QUEUE} hashes wait for a thread, holding only their
 * password: argon2's memory is taken by the running ones alone. Beyond that, work is refused at
 * once with 429 and a {@code Retry-After} estimated from the recent hashing time (API.md §1: 503
 * is for the database).
 */
final class PasswordHasher {
  static final String BUSY = "Too many password checks waiting; try again shortly";

  private final Argon2Hashing hashing;
  private final WorkerExecutor executor;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int threads;
  private final int maxInFlight;
  /** Recent hashing time, an exponential moving average, for Retry-After. */
  private volatile double averageMillis = 50;
  private volatile String dummyHash;

  PasswordHasher(Vertx vertx, Argon2Hashing hashing, int queue) {
    this.threads = Cores.available();
    this.hashing = hashing;
    this.executor = vertx.createSharedWorkerExecutor("argon2", threads, 2, TimeUnit.MINUTES);
    this.maxInFlight = threads + queue;
  }

  int threads() {
    return threads;
  }

  /** How long {@code waiting} hashes take to clear, in whole seconds (at least 1). */
  long estimatedWaitSeconds(int waiting) {
    return Math.max(1, (long) Math.ceil(waiting * averageMillis / threads / 1000));
  }

  /** Prepares the hash that unknown e-mails are checked against, so they cost as much as known ones. */
  Future<Void> start() {
    return run(() -> hashing.hash("no user has this password " + System.nanoTime()))
        .onSuccess(hash -> dummyHash = hash)
        .mapEmpty();
  }

  Future<String> hash(String password) {
    return run(() -> hashing.hash(password));
  }

  /** With a null hash (unknown user) the dummy hash is checked, and the answer is false. */
  Future<Boolean> verify(String storedHash, String password) {
    String hash = storedHash != null ? storedHash : dummyHash;
    return run(() -> hashing.verify(hash, password) && storedHash != null);
  }

  private <T> Future<T> run(Callable<T> work) {
    int queued = inFlight.incrementAndGet();
    if (queued > maxInFlight) {
      inFlight.decrementAndGet();
      return Future.failedFuture(Errors.tooManyRequests(BUSY, estimatedWaitSeconds(queued)));
    }
    return executor.executeBlocking(() -> {
      long start = System.nanoTime();
      try {
        return work.call();
      } finally {
        averageMillis = averageMillis * 0.9 + (System.nanoTime() - start) / 1e6 * 0.1;
      }
    }, false).andThen(done -> inFlight.decrementAndGet());
  }

  Future<Void> close() {
    return executor.close();
  }
}
