package app.ecommerce.sales;

import app.ecommerce.bus.Caller;
import app.ecommerce.time.DateTimeInput;
import app.ecommerce.time.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A get_sales_data request with its times resolved: the zone (the {@code timezone} field, else
 * the caller's), and the inclusive range as UTC microseconds (naive inputs read in that zone, a
 * bare end date meaning the last microsecond of that day). Built from validated input by the
 * HTTP side (for its range check) and by the service, so both read the input the same way.
 */
public record SalesQuery(ZoneId zone, long startMicros, long endMicros, String buckets, boolean includeItems,
                         List<Long> productIds, List<Long> categoryIds) {

  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
  static final String RANGE_BACKWARDS = "Value error, end_date must not be before start_date";
  static final String OUT_OF_RANGE = "Value error, dates must lie between the years 0001 and 9998";
  static final String NOT_BOTH = "Value error, product_ids or category_ids but not both";

  /** @param in validated input, with {@code caller} when the zone may default to the caller's */
  public static SalesQuery of(JsonObject in) {
    ZoneId zone = zoneOf(in);
    return new SalesQuery(zone,
        micros(in.getString("start_date"), zone, false),
        micros(in.getString("end_date"), zone, true),
        in.getString("buckets"),
        in.getBoolean("include_sales_items", true),
        ids(in.getValue("product_ids")),
        ids(in.getValue("category_ids")));
  }

  /** The {@code timezone} field, else the caller's zone, else UTC. */
  public static ZoneId zoneOf(JsonObject in) {
    String id = in.getString("timezone");
    if (id == null) {
      id = Caller.timezoneOf(in);
    }
    return id == null ? ZoneOffset.UTC : Times.zone(id);
  }

  /**
   * Cross-field rules of the range: both ends within years 1..9998 and end ≥ start once read in
   * {@code zone}. Returns path → message, empty when the range is fine.
   */
  public static Map<String, String> rangeProblems(JsonObject in, ZoneId zone) {
    Map<String, String> problems = new LinkedHashMap<>();
    String start = in.getString("start_date");
    String end = in.getString("end_date");
    if (start == null || end == null) {
      return problems;
    }
    Instant from = instant(start, zone, false);
    Instant to = instant(end, zone, true);
    if (from.isBefore(EARLIEST) || from.isAfter(LATEST)) {
      problems.put("start_date", OUT_OF_RANGE);
    }
    if (to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
      problems.put("end_date", OUT_OF_RANGE);
    }
    if (problems.isEmpty() && to.isBefore(from)) {
      problems.put("end_date", RANGE_BACKWARDS);
    }
    return problems;
  }

  /** product_ids and category_ids may not both be non-empty. */
  public static Map<String, String> filterProblems(JsonObject in) {
    if (!ids(in.getValue("product_ids")).isEmpty() && !ids(in.getValue("category_ids")).isEmpty()) {
      return Map.of("category_ids", NOT_BOTH);
    }
    return Map.of();
  }

  private static long micros(String text, ZoneId zone, boolean endOfDay) {
    return Times.toMicros(instant(text, zone, endOfDay));
  }

  private static Instant instant(String text, ZoneId zone, boolean endOfDay) {
    DateTimeInput input = DateTimeInput.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a validated date: " + text));
    return input.toInstant(zone, endOfDay);
  }

  private static List<Long> ids(Object value) {
    List<Long> ids = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(v -> ids.add(((Number) v).longValue()));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> ids.add(((Number) v).longValue()));
    }
    return ids;
  }
}
