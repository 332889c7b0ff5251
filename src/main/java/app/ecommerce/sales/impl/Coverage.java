package app.ecommerce.sales.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * How an aggregated answer over [start, end] is put together from the pre-aggregated totals: each
 * stretch between two cuts (the range's ends and the periods' first instants) is split into whole
 * UTC days, whole UTC hours around them, and the less-than-an-hour pieces at its edges, which are
 * read from the sale rows. Every piece lies inside one stretch, so a totals slot never straddles a
 * period boundary, and the pieces cover the range exactly once. Adjacent pieces of one kind are
 * merged, so a year by month in UTC is one day range, and in New York one hour range and a day
 * range; zones whose period starts are not whole UTC hours (+05:30, +05:45, +12:45, historical
 * local mean times) scan the rows of the hour around each period start.
 */
final class Coverage {
  static final long HOUR_MICROS = 3_600_000_000L;
  static final long DAY_MICROS = 86_400_000_000L;

  /** [from, to]: both ends included (UTC microseconds; for totals, the slots' first instants). */
  record Range(long from, long to) {
  }

  final List<Range> scan = new ArrayList<>();
  final List<Range> hours = new ArrayList<>();
  final List<Range> days = new ArrayList<>();

  private Coverage() {
  }

  /**
   * @param cuts the instants where a new period starts, strictly inside (start, end], ascending
   */
  static Coverage of(long start, long end, long[] cuts) {
    Coverage coverage = new Coverage();
    long from = start;
    for (long cut : cuts) {
      coverage.stretch(from, cut);
      from = cut;
    }
    coverage.stretch(from, end + 1);
    return coverage;
  }

  /** How many ranges the SQL names. */
  int size() {
    return scan.size() + hours.size() + days.size();
  }

  /** [a, b): half-open. */
  private void stretch(long a, long b) {
    long h0 = ceil(a, HOUR_MICROS);
    long h1 = floor(b, HOUR_MICROS);
    if (h0 >= h1) {
      add(scan, a, b);
      return;
    }
    add(scan, a, h0);
    long d0 = ceil(h0, DAY_MICROS);
    long d1 = floor(h1, DAY_MICROS);
    if (d0 >= d1) {
      add(hours, h0, h1);
    } else {
      add(hours, h0, d0);
      add(days, d0, d1);
      add(hours, d1, h1);
    }
    add(scan, h1, b);
  }

  /** Appends [a, b) to the list, joining it to the last range when they touch. */
  private static void add(List<Range> ranges, long a, long b) {
    if (a >= b) {
      return;
    }
    if (!ranges.isEmpty() && ranges.get(ranges.size() - 1).to() == a - 1) {
      ranges.set(ranges.size() - 1, new Range(ranges.get(ranges.size() - 1).from(), b - 1));
    } else {
      ranges.add(new Range(a, b - 1));
    }
  }

  static long floor(long micros, long unit) {
    return Math.floorDiv(micros, unit) * unit;
  }

  static long ceil(long micros, long unit) {
    return -Math.floorDiv(-micros, unit) * unit;
  }
}
