package app.ecommerce.config;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a client connection may take of the HTTP server (API.md §4): how long it may stay idle
 * between requests, how long it may take to send a request's headers and then its body, and how
 * many connections may be open at once.
 *
 * @param maxConnections 0 means "sized from the process's open-file limit" ({@link #effectiveMaxConnections})
 */
public record HttpLimits(int idleTimeoutSeconds, int headerTimeoutSeconds, int bodyTimeoutSeconds, int maxConnections) {
  /**
   * Descriptors kept free above the cap on a large open-file limit (on a small one, half of it):
   * beside the process's own (30 to 50), the sockets a burst has accepted that no event loop has
   * admitted or turned away yet, each holding a descriptor (docs/decisions.md).
   */
  static final int HEADROOM = 4096;
  static final int AUTOMATIC_CEILING = 10_000;
  static final int AUTOMATIC_FLOOR = 32;

  /**
   * The cap in force: the configured one, or half the open-file limit (the limit less
   * {@link #HEADROOM} when that is more), within 32..10000.
   */
  public int effectiveMaxConnections() {
    if (maxConnections > 0) {
      return maxConnections;
    }
    long descriptors = openFileLimit();
    if (descriptors <= 0) {
      return AUTOMATIC_CEILING;
    }
    long automatic = Math.max(descriptors / 2, descriptors - HEADROOM);
    return (int) Math.max(AUTOMATIC_FLOOR, Math.min(AUTOMATIC_CEILING, automatic));
  }

  private static long openFileLimit() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
  }
}
