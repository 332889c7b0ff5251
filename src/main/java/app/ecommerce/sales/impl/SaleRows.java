package app.ecommerce.sales.impl;

import app.ecommerce.money.Money;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.ZoneId;

/** A row of {@link SalesRepository#ROWS} as the API shows it: JSON, or one RFC 4180 CSV line. */
final class SaleRows {
  static final String CSV_HEADER = "id,sale_item_id,user_id,created_at,product_id,product_name,price_per_unit,"
      + "quantity,revenue,category_id,category_name,category_slug\r\n";

  private SaleRows() {
  }

  static JsonObject json(Row r, ZoneId zone) {
    long price = r.getLong(6);
    long quantity = r.getLong(7);
    return new JsonObject()
        .put("id", r.getLong(1))
        .put("sale_item_id", r.getLong(0))
        .put("user_id", r.getLong(2))
        .put("created_at", Times.iso(r.getLong(3), zone))
        .put("product_id", r.getLong(4))
        .put("product_name", r.getString(5))
        .put("price_per_unit", Money.format(price))
        .put("quantity", quantity)
        .put("revenue", Money.formatTimes(price, quantity))
        .put("category_id", r.getLong(8))
        .put("category_name", r.getString(9))
        .put("category_slug", r.getString(10));
  }

  /** Appends the row as one CSV line, CRLF-terminated, the same fields in the same order as JSON. */
  static void csv(StringBuilder out, Row r, ZoneId zone) {
    long price = r.getLong(6);
    long quantity = r.getLong(7);
    out.append(r.getLong(1)).append(',')
        .append(r.getLong(0)).append(',')
        .append(r.getLong(2)).append(',')
        .append(Times.iso(r.getLong(3), zone)).append(',')
        .append(r.getLong(4)).append(',');
    text(out, r.getString(5)).append(',')
        .append(Money.format(price)).append(',')
        .append(quantity).append(',')
        .append(Money.formatTimes(price, quantity)).append(',')
        .append(r.getLong(8)).append(',');
    text(out, r.getString(9)).append(',');
    text(out, r.getString(10)).append("\r\n");
  }

  /**
   * A text cell: prefixed with {@code '} when it starts like a spreadsheet formula ({@code =},
   * {@code +}, {@code -}, {@code @}, TAB or CR: OWASP's advice against CSV injection), then as RFC
   * 4180 wants it: quoted when it holds a comma, quote, CR or LF, quotes doubled inside.
   */
  static StringBuilder text(StringBuilder out, String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return out.append(value);
    }
    return out.append('"').append(value.replace("\"", "\"\"")).append('"');
  }
}
