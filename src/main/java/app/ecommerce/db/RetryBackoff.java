package app.ecommerce.db;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how far apart a refused transaction is run again (docs/decisions.md, "Retry
 * budget", has the sizing). The budget is time first: on a Galera cluster a hot row written from
 * two nodes aborts the local holder of its lock at every remote commit, so a buyer may lose many
 * times in a row while a burst drains; it must be able to keep trying for as long as the burst
 * lasts, not for a fixed count. The backoff is exponential with full jitter (a uniform draw up to
 * the exponential bound), so that victims of the same abort do not come back together.
 */
final class RetryBackoff {
  /** The count bound, a backstop behind the time budget (the sum of the bounds below is about 5 s). */
  static final int MAX_ATTEMPTS = 30;
  /** No new attempt starts once this much time has passed since the first one (the statements' deadline is later). */
  static final long BUDGET_MS = 5_000;
  /** The first retry's bound; each next one doubles it, up to {@link #CAP_MS}. */
  static final long FIRST_MS = 8;
  static final long CAP_MS = 200;

  private RetryBackoff() {
  }

  /** Whether attempt {@code attempt} (1-based), refused after {@code elapsedMs}, may be followed by another. */
  static boolean mayRetry(int attempt, long elapsedMs) {
    return attempt < MAX_ATTEMPTS && elapsedMs <= BUDGET_MS;
  }

  /** The pause before the attempt after {@code attempt}: uniform in [1, min(CAP, FIRST * 2^(attempt-1))]. */
  static long delayMs(int attempt) {
    long bound = Math.min(CAP_MS, FIRST_MS << Math.min(attempt - 1, 10));
    return 1 + ThreadLocalRandom.current().nextLong(bound);
  }
}
