package app.ecommerce.auth.impl;

import app.ecommerce.bus.Errors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs argon2 off the event loop on a bounded worker pool (one thread per core: argon2 is pure
 * CPU and memory). Work beyond {@link #MAX_QUEUED_PER_THREAD} per thread is refused with 503 at
 * once instead of queueing without bound.
 */
final class PasswordHasher {
  static final int MAX_QUEUED_PER_THREAD = 64;

  private final Argon2Hashing hashing;
  private final WorkerExecutor executor;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int maxInFlight;
  private volatile String dummyHash;

  PasswordHasher(Vertx vertx, Argon2Hashing hashing) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.hashing = hashing;
    this.executor = vertx.createSharedWorkerExecutor("argon2", threads, 2, TimeUnit.MINUTES);
    this.maxInFlight = threads * MAX_QUEUED_PER_THREAD;
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
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return Future.failedFuture(Errors.unavailable("Too many password checks in progress; try again shortly"));
    }
    return executor.executeBlocking(work, false).andThen(done -> inFlight.decrementAndGet());
  }

  Future<Void> close() {
    return executor.close();
  }
}
