package app.ecommerce.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

/**
 * The sales totals compared with the sale rows they claim to hold (every item up to the mark),
 * summed afresh per UTC hour and per UTC day: a double-counted or skipped item shows as a
 * difference in some slot.
 */
public final class SalesTotalsCheck {
  static final String ROWS = "SELECT created_at - (((created_at %% %1$d) + %1$d) %% %1$d) AS slot_at, product_id,"
      + " SUM(quantity) AS units, SUM(quantity * price_cents) AS cents FROM sale_items"
      + " WHERE id <= (SELECT folded_item_id FROM sales_rollup WHERE id = 1)"
      + " GROUP BY slot_at, product_id ORDER BY slot_at, product_id";
  static final String TOTALS = "SELECT slot_at, product_id, units, cents FROM %s ORDER BY slot_at, product_id";

  private SalesTotalsCheck() {
  }

  public static long mark(TestDatabase db) {
    return new Sql(db).number("SELECT folded_item_id FROM sales_rollup WHERE id = 1");
  }

  public static long lastItem(TestDatabase db) {
    return new Sql(db).number("SELECT COALESCE(MAX(id), 0) FROM sale_items");
  }

  /** Both totals tables equal the sums of the folded rows, slot by slot. */
  public static void assertTotalsAreTheRows(TestDatabase db) {
    Sql sql = new Sql(db);
    assertEquals(normal(sql.rows(String.format(ROWS, 3_600_000_000L))),
        normal(sql.rows(String.format(TOTALS, "sales_hour_totals"))), "hour totals");
    assertEquals(normal(sql.rows(String.format(ROWS, 86_400_000_000L))),
        normal(sql.rows(String.format(TOTALS, "sales_day_totals"))), "day totals");
  }

  private static List<String> normal(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> r.get("slot_at") + "|" + r.get("product_id") + "|"
        + new java.math.BigDecimal(r.get("units").toString()).toBigIntegerExact() + "|"
        + new java.math.BigDecimal(r.get("cents").toString()).toBigIntegerExact()).toList();
  }
}
