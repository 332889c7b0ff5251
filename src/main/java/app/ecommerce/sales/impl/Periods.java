package app.ecommerce.sales.impl;

import app.ecommerce.bus.Errors;
import app.ecommerce.db.Dialect;
import app.ecommerce.sales.SalesContract;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * The calendar periods of a zone from the one containing the start to the one containing the
 * end. Every period starts at the first instant of a local date (local midnight, or the end of
 * a DST gap where midnight does not exist), so a period is a run of whole local days and a row
 * belongs to the period of its local date; a day may be 23 or 25 hours long.
 */
final class Periods {
  enum Kind {
    DAILY(ChronoUnit.DAYS), WEEKLY(ChronoUnit.WEEKS), MONTHLY(ChronoUnit.MONTHS), YEARLY(ChronoUnit.YEARS);

    final ChronoUnit unit;

    Kind(ChronoUnit unit) {
      this.unit = unit;
    }

    LocalDate periodStart(LocalDate day) {
      switch (this) {
        case WEEKLY:
          return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTHLY:
          return day.withDayOfMonth(1);
        case YEARLY:
          return day.withDayOfYear(1);
        default:
          return day;
      }
    }
  }

  private final Kind kind;
  private final ZoneId zone;
  private final LocalDate first;
  private final int count;

  private Periods(Kind kind, ZoneId zone, LocalDate first, int count) {
    this.kind = kind;
    this.zone = zone;
    this.first = first;
    this.count = count;
  }

  /** @throws io.vertx.serviceproxy.ServiceException 422 when there would be more than MAX_BUCKETS periods */
  static Periods of(String buckets, ZoneId zone, long startMicros, long endMicros) {
    Kind kind = Kind.valueOf(buckets.toUpperCase(Locale.ROOT));
    LocalDate first = kind.periodStart(Times.fromMicros(startMicros).atZone(zone).toLocalDate());
    LocalDate last = kind.periodStart(Times.fromMicros(endMicros).atZone(zone).toLocalDate());
    long count = kind.unit.between(first, last) + 1;
    if (count > SalesContract.MAX_BUCKETS) {
      throw Errors.of(422, "Too many buckets", new JsonObject(Map.of("buckets",
          "The range has " + count + " " + buckets + " periods; at most " + SalesContract.MAX_BUCKETS
              + " are allowed: choose a coarser bucket or a narrower range")));
    }
    return new Periods(kind, zone, first, (int) count);
  }

  int size() {
    return count;
  }

  /**
   * SQL for the period index of a row's {@code column} (UTC microseconds), exact for every row
   * inside [lo, hi], two instants of the range. Days and weeks come from the row's local day
   * number (see {@link LocalDays}); months and years from a balanced CASE over the periods'
   * first instants, which already are DST-true instants. Either way the database groups by
   * period, so it returns one row per product and period, never one per day it need not.
   */
  String indexSql(Dialect dialect, String column, long lo, long hi) {
    switch (kind) {
      case DAILY:
        return "(" + LocalDays.sql(dialect, column, LocalDays.segments(zone, lo, hi)) + " - "
            + (first.toEpochDay() + LocalDays.SHIFT_DAYS) + ")";
      case WEEKLY:
        return dialect.intDiv(LocalDays.sql(dialect, column, LocalDays.segments(zone, lo, hi)) + " - "
            + (first.toEpochDay() + LocalDays.SHIFT_DAYS), "7");
      default:
        return boundaries(column, indexOfMicros(lo), indexOfMicros(hi));
    }
  }

  /** How many CASE branches {@link #indexSql} needs for [lo, hi]. */
  int sqlTerms(long lo, long hi) {
    if (kind == Kind.DAILY || kind == Kind.WEEKLY) {
      return zone.getRules().isFixedOffset() ? 1 : LocalDays.segments(zone, lo, hi).size();
    }
    return indexOfMicros(hi) - indexOfMicros(lo) + 1;
  }

  private String boundaries(String column, int lo, int hi) {
    if (lo == hi) {
      return String.valueOf(lo);
    }
    int mid = (lo + hi) / 2;
    return "(CASE WHEN " + column + " < " + startMicros(mid + 1) + " THEN " + boundaries(column, lo, mid)
        + " ELSE " + boundaries(column, mid + 1, hi) + " END)";
  }

  int indexOfMicros(long micros) {
    return indexOf(Times.fromMicros(micros).atZone(zone).toLocalDate());
  }

  /** The index of the period holding this local date (callers pass dates inside the range). */
  int indexOf(LocalDate day) {
    return (int) kind.unit.between(first, kind.periodStart(day));
  }

  private LocalDate startDate(int index) {
    return first.plus(index, kind.unit);
  }

  long startMicros(int index) {
    return Times.toMicros(startDate(index).atStartOfDay(zone).toInstant());
  }

  /** The first instants of the periods that start inside (from, to], ascending. */
  long[] cuts(long from, long to) {
    int lo = indexOfMicros(from);
    int hi = indexOfMicros(to);
    long[] cuts = new long[hi - lo];
    for (int i = lo + 1; i <= hi; i++) {
      cuts[i - lo - 1] = startMicros(i);
    }
    return cuts;
  }

  /** The last microsecond of the period: the next period's start minus one microsecond. */
  long endMicros(int index) {
    return startMicros(index + 1) - 1;
  }

  /** {@code "2023-01-01T00:00:00,2023-01-31T23:59:59.999999"}: local start and end, no offset. */
  String key(int index) {
    return Times.local(Times.fromMicros(startMicros(index)).atZone(zone).toLocalDateTime()) + ","
        + Times.local(Times.fromMicros(endMicros(index)).atZone(zone).toLocalDateTime());
  }
}
