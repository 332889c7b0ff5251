package app.ecommerce.config;

/**
 * What a client connection may take of the HTTP server (API.md §4): how long it may stay idle
 * between requests, how long it may take to send a request's headers and then its body, and how
 * many connections may be open at once.
 *
 * @param maxConnections 0 means "sized from the process's open-file limit" ({@link #effectiveMaxConnections})
 */
public record HttpLimits(int idleTimeoutSeconds, int headerTimeoutSeconds, int bodyTimeoutSeconds, int maxConnections) {
  /** File descriptors kept for everything but HTTP connections: jar, pool, epoll, cluster sockets, logs. */
  static final int RESERVED_DESCRIPTORS = 256;
  static final int AUTOMATIC_CEILING = 10_000;
  static final int AUTOMATIC_FLOOR = 32;

  /** The cap in force: the configured one, or the open-file limit less a reserve, within 32..10000. */
  public int effectiveMaxConnections() {
    if (maxConnections > 0) {
      return maxConnections;
    }
    long descriptors = openFileLimit();
    if (descriptors <= 0) {
      return AUTOMATIC_CEILING;
    }
    return (int) Math.max(AUTOMATIC_FLOOR, Math.min(AUTOMATIC_CEILING, descriptors - RESERVED_DESCRIPTORS));
  }

  private static long openFileLimit() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
  }
}
