package app.ecommerce.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one representation of time: microseconds since the epoch, UTC, in the database and on the
 * bus; ISO-8601 with offset in the caller's zone at the edge.
 */
public final class Times {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

  private Times() {
  }

  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  public static long toMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  public static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** {@code 2023-01-01T17:00:00+05:00}; microseconds only when they are not zero. */
  public static String iso(long micros, ZoneId zone) {
    var zoned = fromMicros(micros).atZone(zone);
    ZoneOffset offset = zoned.getOffset();
    return local(zoned.toLocalDateTime()) + offset.getId().replace("Z", "+00:00");
  }

  /** {@code 2023-01-01T00:00:00} or {@code 2023-01-31T23:59:59.999999}: no offset. */
  public static String local(LocalDateTime time) {
    return (time.getNano() == 0 ? SECONDS : MICROS).format(time.truncatedTo(ChronoUnit.MICROS));
  }

  /** A zone id known to be valid (checked at validation), falling back to UTC for stored junk. */
  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
