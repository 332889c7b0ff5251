package app.ecommerce.bench;

import app.ecommerce.auth.impl.Argon2Hashing;
import app.ecommerce.config.AppConfig;
import app.ecommerce.config.ConfigLoader;
import java.util.Arrays;

/**
 * The cost of one password check, the bound of login_user for {@code ./run.sh bench}: with the
 * app's own {@link Argon2Hashing} and the argon2 parameters of the app's configuration
 * ({@link ConfigLoader}: conf/config.json, then the environment), one hash and then RUNS
 * verifications on one thread, after a warm-up. Prints the median hash and verify time in
 * milliseconds and the parameters, as {@code hash_ms=... verify_ms=... params=m=...,t=...,p=...}.
 * A login verifies one hash, so cores ÷ verify time is what login_user can reach at best.
 */
public final class Argon2Time {
  private static final int RUNS = 7;

  private Argon2Time() {
  }

  public static void main(String[] args) {
    AppConfig config = ConfigLoader.load();
    Argon2Hashing argon2 = new Argon2Hashing(config.argon2MemoryKib(), config.argon2Iterations(),
        config.argon2Parallelism());
    String password = "benchmark-password-1";
    String hash = argon2.hash(password);
    argon2.verify(hash, password);
    double[] hashMs = new double[RUNS];
    double[] verifyMs = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      hash = argon2.hash(password);
      long t1 = System.nanoTime();
      if (!argon2.verify(hash, password)) {
        throw new IllegalStateException("argon2 did not verify its own hash");
      }
      long t2 = System.nanoTime();
      hashMs[i] = (t1 - t0) / 1e6;
      verifyMs[i] = (t2 - t1) / 1e6;
    }
    System.out.printf("hash_ms=%.2f verify_ms=%.2f params=m=%d,t=%d,p=%d%n", median(hashMs), median(verifyMs),
        config.argon2MemoryKib(), config.argon2Iterations(), config.argon2Parallelism());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
