package app.ecommerce.config;

/**
 * The number of cores this process may use, read in one place: it sizes the event loops, the
 * password-hashing threads and the reports' default pool, which must agree on the same figure
 * (a container's CPU limit, when the JVM sees one, not the host's core count).
 */
public final class Cores {

  private Cores() {
  }

  /** At least 1. */
  public static int available() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
