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
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

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

  /**
   * {@code 2023-01-01T17:00:00+05:00}; microseconds only when they are not zero. Goes from the
   * epoch seconds to the local time through the zone's offset at that instant, without a
   * ZonedDateTime: every product of a page has two timestamps.
   */
  public static String iso(long micros, ZoneId zone) {
    Instant instant = fromMicros(micros);
    ZoneOffset offset = zone.getRules().getOffset(instant);
    StringBuilder text = new StringBuilder(32);
    appendLocal(text, LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset));
    return text.append(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId()).toString();
  }

  /** {@code 2023-01-01T00:00:00} or {@code 2023-01-31T23:59:59.999999}: no offset. */
  public static String local(LocalDateTime time) {
    return appendLocal(new StringBuilder(26), time).toString();
  }

  /**
   * Writes the digits by hand: this runs for every timestamp of every answer (a CSV export writes
   * millions), and a DateTimeFormatter costs several times as much. Years outside 0000–9999, which
   * the formatter writes with a sign, are left to it.
   */
  private static StringBuilder appendLocal(StringBuilder text, LocalDateTime time) {
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return text.append((time.getNano() == 0 ? SECONDS : MICROS).format(time.truncatedTo(ChronoUnit.MICROS)));
    }
    digits(text, year, 4).append('-');
    digits(text, time.getMonthValue(), 2).append('-');
    digits(text, time.getDayOfMonth(), 2).append('T');
    digits(text, time.getHour(), 2).append(':');
    digits(text, time.getMinute(), 2).append(':');
    digits(text, time.getSecond(), 2);
    if (time.getNano() != 0) {
      digits(text.append('.'), time.getNano() / 1_000, 6);
    }
    return text;
  }

  /** {@code value} (0 ≤ value < 10^width) in exactly {@code width} digits, without a String per number. */
  private static StringBuilder digits(StringBuilder text, int value, int width) {
    for (int unit = POWERS_OF_TEN[width - 1]; unit > 0; unit /= 10) {
      text.append((char) ('0' + value / unit % 10));
    }
    return text;
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
