package app.ecommerce.sales.impl;

import app.ecommerce.db.Dialect;
import java.time.ZoneId;

/**
 * get_sales_data's aggregation SQL exactly as SalesService/SalesRepository build it, for the bare
 * benchmark server ({@code app.ecommerce.bench.BareServer}); in this package, in src/bench, so
 * that nothing of the app's sales implementation has to become public.
 */
public final class BareSalesSql {
  private BareSalesSql() {
  }

  /**
   * The scan of the sale rows (the app's path before the sales totals, and still its fallback)
   * for {@code buckets=monthly}, no product or category filter, include_sales_items=false, over
   * [startMicros, endMicros] in {@code zone}; parameters: start, end.
   */
  public static String monthlyTotals(Dialect dialect, ZoneId zone, long startMicros, long endMicros) {
    Periods periods = Periods.of("monthly", zone, startMicros, endMicros);
    if (periods.sqlTerms(startMicros, endMicros) > 128) {
      throw new IllegalArgumentException("the bare server only handles ranges the app answers in one query");
    }
    String sums = String.format(SalesRepository.ROW_SUMS, periods.indexSql(dialect, "si.created_at", startMicros,
        endMicros), "si.created_at BETWEEN ? AND ?", ", period", "");
    return String.format(SalesRepository.TOTALS, sums, dialect.name().equals("mysql") ? "STRAIGHT_JOIN " : "");
  }
}
