package app.ecommerce.sales.impl;

import app.ecommerce.db.Dialect;
import app.ecommerce.time.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL expression of a row's local date in a zone, exact and in integers only: between two of
 * the zone's offset transitions the offset is constant, so the local day number is
 * {@code (created_at + offset) DIV day}. The expression picks the segment's offset with a
 * balanced CASE (a binary search, so long ranges stay cheap per row) and adds a fixed number of
 * days so that the division never sees a negative number (both engines truncate toward zero).
 */
final class LocalDays {
  static final long DAY_MICROS = 86_400_000_000L;
  /** Days added before dividing: keeps every instant after the year -700 positive. */
  static final long SHIFT_DAYS = 1_000_000L;

  /** A stretch of time [from, to] (UTC microseconds, inclusive) with one offset from UTC. */
  record Segment(long from, long to, long offsetMicros) {
  }

  private LocalDays() {
  }

  /** The constant-offset segments of {@code zone} covering [from, to]. */
  static List<Segment> segments(ZoneId zone, long from, long to) {
    ZoneRules rules = zone.getRules();
    List<Segment> segments = new ArrayList<>();
    long at = from;
    while (true) {
      Instant instant = Times.fromMicros(at);
      long offset = rules.getOffset(instant).getTotalSeconds() * 1_000_000L;
      ZoneOffsetTransition next = rules.nextTransition(instant);
      long nextAt = next == null ? Long.MAX_VALUE : Times.toMicros(next.getInstant());
      if (nextAt > to) {
        segments.add(new Segment(at, to, offset));
        return segments;
      }
      segments.add(new Segment(at, nextAt - 1, offset));
      at = nextAt;
    }
  }

  /** SQL for the local day number of {@code column} plus {@link #SHIFT_DAYS} (epoch day + shift). */
  static String sql(Dialect dialect, String column, List<Segment> segments) {
    String offset = offsetCase(column, segments, 0, segments.size() - 1);
    return dialect.intDiv(column + " + " + offset + " + " + (SHIFT_DAYS * DAY_MICROS), String.valueOf(DAY_MICROS));
  }

  private static String offsetCase(String column, List<Segment> segments, int lo, int hi) {
    if (lo == hi) {
      return String.valueOf(segments.get(lo).offsetMicros());
    }
    int mid = (lo + hi) / 2;
    return "(CASE WHEN " + column + " <= " + segments.get(mid).to() + " THEN "
        + offsetCase(column, segments, lo, mid) + " ELSE " + offsetCase(column, segments, mid + 1, hi) + " END)";
  }
}
