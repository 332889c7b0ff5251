package app.ecommerce.time;

import java.nio.charset.StandardCharsets;
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
  /** The longest local time {@link #writeLocal} writes: {@code 2023-01-31T23:59:59.999999}. */
  private static final int LOCAL_MAX = 26;

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
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
    return render(time, offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
  }

  /** {@code 2023-01-01T00:00:00} or {@code 2023-01-31T23:59:59.999999}: no offset. */
  public static String local(LocalDateTime time) {
    return render(time, "");
  }

  /**
   * The local time followed by {@code suffix} (an offset id, which is ASCII: "+05:30",
   * "-03:00:15"). Years outside 0000–9999, which the formatter writes with a sign, are left to it.
   */
  private static String render(LocalDateTime time, String suffix) {
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return (time.getNano() == 0 ? SECONDS : MICROS).format(time.truncatedTo(ChronoUnit.MICROS)) + suffix;
    }
    byte[] text = new byte[LOCAL_MAX + suffix.length()];
    int end = writeLocal(text, time);
    for (int i = 0; i < suffix.length(); i++) {
      text[end++] = (byte) suffix.charAt(i);
    }
    return new String(text, 0, end, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code uuuu-MM-ddTHH:mm:ss[.SSSSSS]} from the start of {@code text} and returns its
   * length. By hand, as bytes: this runs for every timestamp of every answer (a page of products
   * has 40, a CSV export millions), and a DateTimeFormatter costs several times as much; so did a
   * StringBuilder, one checked append per character.
   */
  private static int writeLocal(byte[] text, LocalDateTime time) {
    int at = twoDigits(text, 0, time.getYear() / 100);
    at = twoDigits(text, at, time.getYear() % 100);
    text[at++] = '-';
    at = twoDigits(text, at, time.getMonthValue());
    text[at++] = '-';
    at = twoDigits(text, at, time.getDayOfMonth());
    text[at++] = 'T';
    at = twoDigits(text, at, time.getHour());
    text[at++] = ':';
    at = twoDigits(text, at, time.getMinute());
    text[at++] = ':';
    at = twoDigits(text, at, time.getSecond());
    if (time.getNano() != 0) {
      int micros = time.getNano() / 1_000;
      text[at++] = '.';
      at = twoDigits(text, at, micros / 10_000);
      at = twoDigits(text, at, micros / 100 % 100);
      at = twoDigits(text, at, micros % 100);
    }
    return at;
  }

  /**
   * Writes {@code value} (0 ≤ value < 100) as two digits at {@code at}; returns the position after
   * them. Every divisor is a constant, which the JIT turns into a multiplication.
   */
  private static int twoDigits(byte[] text, int at, int value) {
    text[at] = (byte) ('0' + value / 10);
    text[at + 1] = (byte) ('0' + value % 10);
    return at + 2;
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
