package app.ecommerce.auth;

import app.ecommerce.config.AppConfig;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * argon2id hashing, blocking: call it from a worker thread or a command-line tool, never from an
 * event loop. Stored hashes are PHC strings that carry their own parameters, so hashes made with
 * older settings keep verifying after the settings change. Public: the auth service, the demo-data
 * tool and the benchmarks all hash with it.
 */
public final class Argon2Hashing {
  private static final Argon2 ARGON2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;

  public Argon2Hashing(int memoryKib, int iterations, int parallelism) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /** Hashing with the argon2 parameters of the configuration. */
  public static Argon2Hashing configured(AppConfig config) {
    return new Argon2Hashing(config.argon2MemoryKib(), config.argon2Iterations(), config.argon2Parallelism());
  }

  public String hash(String password) {
    char[] chars = password.toCharArray();
    try {
      return ARGON2.hash(iterations, memoryKib, parallelism, chars);
    } finally {
      ARGON2.wipeArray(chars);
    }
  }

  /** False for a wrong password and for a stored hash that is not a valid argon2 string. */
  public boolean verify(String storedHash, String password) {
    char[] chars = password.toCharArray();
    try {
      return ARGON2.verify(storedHash, chars);
    } catch (RuntimeException malformed) {
      return false;
    } finally {
      ARGON2.wipeArray(chars);
    }
  }
}
