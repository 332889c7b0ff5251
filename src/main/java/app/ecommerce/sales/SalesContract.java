package app.ecommerce.sales;

/**
 * The sales-analytics service on the event bus (served by a worker verticle).
 * <ul>
 *   <li>{@link #SALES_DATA}: the validated get_sales_data input plus {@code caller} → the
 *       envelope's {@code data} (API.md §3.12)</li>
 *   <li>{@link #PING}: {} → {} when the service and its database answer</li>
 * </ul>
 */
public final class SalesContract {
  public static final String SALES_DATA = "sales.get_sales_data";
  public static final String PING = "sales.ping";

  private SalesContract() {
  }
}
