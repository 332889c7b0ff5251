package app.ecommerce.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the date and date-time inputs of the API: {@code 2023-01-01}, {@code 2023-01-01 10:00},
 * {@code 2023-01-01T10:00:00.123456}, each optionally followed by {@code Z} or an offset such as
 * {@code +05:30}. A naive value is read in the zone the caller gives.
 */
public record DateTimeInput(LocalDateTime local, boolean dateOnly, ZoneOffset offset) {

  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** The one shape of a date-time: the formatter's optional parts alone would also take two offsets. */
  private static final Pattern DATE_TIME_SHAPE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter()
      // STRICT: 2023-02-29T10:00 is refused; the default would quietly read it as 2023-02-28
      .withResolverStyle(ResolverStyle.STRICT);

  /** @return the parsed value, or empty when the text is not a date or date-time of the accepted forms */
  public static Optional<DateTimeInput> parse(String text) {
    String s = text.strip();
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    try {
      if (DATE_ONLY.matcher(s).matches()) {
        return Optional.of(new DateTimeInput(LocalDate.parse(s).atStartOfDay(), true, null));
      }
      if (!DATE_TIME_SHAPE.matcher(s).matches()) {
        return Optional.empty();
      }
      TemporalAccessor parsed = DATE_TIME.parse(s);
      LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
          LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
              parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
              parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
      ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : null;
      return Optional.of(new DateTimeInput(local, false, offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The instant this input names: aware values as given, naive ones in {@code zone}. A date
   * without a time means the start of that day, or with {@code endOfDay} its last microsecond.
   * A naive local time that a DST gap skips resolves to the instant after the gap.
   */
  public Instant toInstant(ZoneId zone, boolean endOfDay) {
    if (dateOnly && endOfDay) {
      return local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
    }
    if (offset != null) {
      return OffsetDateTime.of(local, offset).toInstant();
    }
    return local.atZone(zone).toInstant();
  }
}
