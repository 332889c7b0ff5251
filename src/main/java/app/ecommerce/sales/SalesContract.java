package app.ecommerce.sales;

/**
 * The sales-analytics service on the event bus (served by a worker verticle; any node running
 * the {@code sales} verticle can answer any message, so nothing here depends on which node
 * served the previous one). Every request body is a get_sales_data query resolved by the HTTP
 * side, in its {@link SalesQuery#toJson} form: {@code zone} (an IANA id), {@code start_micros} and
 * {@code end_micros} (the inclusive range in UTC microseconds, already checked), {@code buckets},
 * {@code include_sales_items}, {@code product_ids}, {@code category_ids}. Failures are
 * {@link io.vertx.serviceproxy.ServiceException}s whose code is the HTTP status: 422 for more
 * than {@link #MAX_BUCKETS} buckets or more than {@link #MAX_JSON_ROWS} rows with
 * {@code include_sales_items}; 503 when the database is away.
 * <ul>
 *   <li>{@link #SALES_DATA}: query → the envelope's {@code data} as a Buffer of UTF-8 JSON (encoded
 *       by the service as it reads the rows, so a 100000-row answer never exists as an object
 *       tree): one metric block, or one per calendar period keyed
 *       {@code "<local start>,<local end>"} plus {@code start}/{@code end}.</li>
 *   <li>{@link #CSV_PAGE}: query plus {@code after} (null for the first page, else the
 *       {@code next} cursor of the previous page) and optional {@code page_size} →
 *       {@code {csv: "<RFC 4180 lines, CRLF-terminated; the header line on the first page>",
 *       rows: <int>, next: {created_at, sale_id, id} | null}}. Pages follow
 *       (created_at, sale_id, sale item id); {@code next} is null on the last page. The caller
 *       pulls the next page only when it has written the previous one, so memory stays constant
 *       on both sides whatever the size of the export, and only JSON crosses the bus.</li>
 *   <li>{@link #PING}: {} → {} when the service and its database answer (readiness).</li>
 *   <li>{@link #ALIVE}: {} → {} as soon as the service's verticle gets it, without touching the
 *       database: proves that a node serving the service is alive (sent beside each call).</li>
 * </ul>
 */
public final class SalesContract {
  public static final String SALES_DATA = "sales.get_sales_data";
  public static final String CSV_PAGE = "sales.csv_page";
  public static final String PING = "sales.ping";
  public static final String ALIVE = "sales.alive";

  /** More calendar periods than this in one answer is refused (422). */
  public static final int MAX_BUCKETS = 10_000;
  /** More sale rows than this in one JSON answer is refused (422): use format=csv. */
  public static final int MAX_JSON_ROWS = 100_000;
  /**
   * Rows per CSV page unless the request says otherwise (at most {@link #MAX_PAGE_SIZE}). About
   * 260 KB of text: big enough to amortise a query, small enough to stay out of G1's humongous
   * allocations on a small heap (half a 1 MB region).
   */
  public static final int DEFAULT_PAGE_SIZE = 2_000;
  public static final int MAX_PAGE_SIZE = 20_000;

  private SalesContract() {
  }
}
