package app.ecommerce.bench;

import app.ecommerce.auth.Argon2Hashing;
import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The cost of one password check, the bound of login_user for {@code ./run.sh bench}, with the
 * app's own {@link Argon2Hashing} and the argon2 parameters of the app's configuration
 * ({@link ConfigLoader}: conf/config.json, then the environment). After one hash and a short
 * warm-up it verifies for {@code SECONDS} (the first argument, default 2) on one thread alone,
 * then for as long again on one thread per core at once, and prints the mean verification time
 * of each, as {@code alone_ms=... concurrent_ms=... threads=... runs=...,... params=m=...,t=...,p=...}.
 *
 * <p>A login verifies one hash, so cores ÷ the verification time is what login_user can reach at
 * best (the mean, not the median: the bound is a rate, and a rate is the inverse of the mean).
 * On this 2-vCPU VM one verification takes up to a quarter longer while the other core verifies too, so
 * cores ÷ {@code alone_ms} is more than argon2 itself reaches there; cores ÷ {@code concurrent_ms}
 * is what the login runs, which keep every core verifying, can reach when limited by argon2 only.
 * The bench reports both. Each is timed over seconds rather than a handful of runs: this VM's
 * speed drifts by half within a minute, and seven verifications once caught a fast moment.
 */
public final class Argon2Time {
  private static final int WARM_UP = 5;
  private static final String PASSWORD = "benchmark-password-1";

  private Argon2Time() {
  }

  public static void main(String[] args) throws InterruptedException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    int cores = Runtime.getRuntime().availableProcessors();
    AppConfig config = ConfigLoader.load();
    Argon2Hashing argon2 = Argon2Hashing.configured(config);
    String hash = argon2.hash(PASSWORD);
    for (int i = 0; i < WARM_UP; i++) {
      verify(argon2, hash);
    }
    List<Double> alone = verifyFor(argon2, hash, 1, seconds);
    List<Double> concurrent = verifyFor(argon2, hash, cores, seconds);
    System.out.printf("alone_ms=%.2f concurrent_ms=%.2f threads=%d runs=%d,%d params=m=%d,t=%d,p=%d%n", mean(alone),
        mean(concurrent), cores, alone.size(), concurrent.size(), config.argon2MemoryKib(), config.argon2Iterations(),
        config.argon2Parallelism());
  }

  /** The time of every verification made by {@code threads} threads verifying at once for {@code seconds}. */
  private static List<Double> verifyFor(Argon2Hashing argon2, String hash, int threads, double seconds)
      throws InterruptedException {
    ConcurrentLinkedQueue<Double> timesMs = new ConcurrentLinkedQueue<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        do {
          long t0 = System.nanoTime();
          verify(argon2, hash);
          timesMs.add((System.nanoTime() - t0) / 1e6);
        } while (System.nanoTime() < end);
      }, "argon2-time-" + t);
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      thread.join();
    }
    return new ArrayList<>(timesMs);
  }

  private static void verify(Argon2Hashing argon2, String hash) {
    if (!argon2.verify(hash, PASSWORD)) {
      throw new IllegalStateException("argon2 did not verify its own hash");
    }
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
