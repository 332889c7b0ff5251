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
  /**
   * The most bytes {@link #writeIso} writes: a local time of a year the formatter writes with a
   * sign ({@code -290308-12-21T19:59:05.224192}, 29 bytes), then an offset such as
   * {@code -03:00:15}.
   */
  public static final int ISO_MAX_BYTES = 40;

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
    byte[] text = new byte[ISO_MAX_BYTES];
    return new String(text, 0, writeIso(text, 0, micros, zone), StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code iso(micros, zone)} as ASCII from {@code at} (room for {@link #ISO_MAX_BYTES}
   * bytes) and returns the position after it: the rows-included JSON answer writes its times
   * straight into its bytes.
   */
  public static int writeIso(byte[] text, int at, long micros, ZoneId zone) {
    Instant instant = fromMicros(micros);
    ZoneOffset offset = zone.getRules().getOffset(instant);
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
    return write(text, at, time, offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
  }

  /** {@code 2023-01-01T00:00:00} or {@code 2023-01-31T23:59:59.999999}: no offset. */
  public static String local(LocalDateTime time) {
    byte[] text = new byte[ISO_MAX_BYTES];
    return new String(text, 0, write(text, 0, time, ""), StandardCharsets.ISO_8859_1);
  }

  /**
   * The local time followed by {@code suffix} (an offset id, which is ASCII: "+05:30",
   * "-03:00:15"), from {@code at}; returns the position after it. Years outside 0000–9999, which
   * the formatter writes with a sign, are left to it.
   */
  private static int write(byte[] text, int at, LocalDateTime time, String suffix) {
    int end;
    if (time.getYear() < 0 || time.getYear() > 9999) {
      byte[] formatted = (time.getNano() == 0 ? SECONDS : MICROS).format(time.truncatedTo(ChronoUnit.MICROS))
          .getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(formatted, 0, text, at, formatted.length);
      end = at + formatted.length;
    } else {
      end = writeLocal(text, at, time);
    }
    for (int i = 0; i < suffix.length(); i++) {
      text[end++] = (byte) suffix.charAt(i);
    }
    return end;
  }

  /**
   * Writes {@code uuuu-MM-ddTHH:mm:ss[.SSSSSS]} from {@code at} and returns the position after
   * it. By hand, as bytes: this runs for every timestamp of every answer (a page of products has
   * 40, a CSV export millions), and a DateTimeFormatter costs several times as much; so did a
   * StringBuilder, one checked append per character.
   */
  private static int writeLocal(byte[] text, int at, LocalDateTime time) {
    at = twoDigits(text, at, time.getYear() / 100);
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
