package app.ecommerce.sales;

import app.ecommerce.bus.Caller;
import app.ecommerce.bus.Errors;
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
 * bare end date meaning the last microsecond of that day). The HTTP side resolves the validated
 * input once ({@link #resolve}); the analytics service receives the result ({@link #toJson}) and
 * reads it back without parsing a date again ({@link #fromJson}).
 */
public record SalesQuery(ZoneId zone, long startMicros, long endMicros, String buckets, boolean includeItems,
                         List<Long> productIds, List<Long> categoryIds) {

  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
  static final String RANGE_BACKWARDS = "Value error, end_date must not be before start_date";
  static final String OUT_OF_RANGE = "Value error, dates must lie between the years 0001 and 9998";
  static final String NOT_BOTH = "Value error, product_ids or category_ids but not both";

  /**
   * Resolves validated input, with {@code caller} when the zone may default to the caller's.
   *
   * @throws io.vertx.serviceproxy.ServiceException 422 naming every cross-field problem: both
   *     filters given, an end outside years 1..9998, a range that runs backwards once read in its zone
   */
  public static SalesQuery resolve(JsonObject in) {
    Map<String, String> problems = new LinkedHashMap<>();
    List<Long> productIds = ids(in.getValue("product_ids"));
    List<Long> categoryIds = ids(in.getValue("category_ids"));
    if (!productIds.isEmpty() && !categoryIds.isEmpty()) {
      problems.put("category_ids", NOT_BOTH);
    }
    ZoneId zone = zoneOf(in);
    Instant from = instant(in.getString("start_date"), zone, false);
    Instant to = instant(in.getString("end_date"), zone, true);
    if (from.isBefore(EARLIEST) || from.isAfter(LATEST)) {
      problems.put("start_date", OUT_OF_RANGE);
    }
    if (to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
      problems.put("end_date", OUT_OF_RANGE);
    }
    if (!problems.containsKey("start_date") && !problems.containsKey("end_date") && to.isBefore(from)) {
      problems.put("end_date", RANGE_BACKWARDS);
    }
    if (!problems.isEmpty()) {
      throw Errors.validation(problems);
    }
    return new SalesQuery(zone, Times.toMicros(from), Times.toMicros(to), in.getString("buckets"),
        in.getBoolean("include_sales_items", true), productIds, categoryIds);
  }

  /** The query as the analytics service receives it (SalesContract). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("zone", zone.getId())
        .put("start_micros", startMicros)
        .put("end_micros", endMicros)
        .put("buckets", buckets)
        .put("include_sales_items", includeItems)
        .put("product_ids", new JsonArray(new ArrayList<Object>(productIds)))
        .put("category_ids", new JsonArray(new ArrayList<Object>(categoryIds)));
  }

  /** A query in its {@link #toJson} form. */
  public static SalesQuery fromJson(JsonObject json) {
    return new SalesQuery(Times.zone(json.getString("zone")), json.getLong("start_micros"),
        json.getLong("end_micros"), json.getString("buckets"), json.getBoolean("include_sales_items", true),
        ids(json.getValue("product_ids")), ids(json.getValue("category_ids")));
  }

  /** The {@code timezone} field, else the caller's zone, else UTC. */
  private static ZoneId zoneOf(JsonObject in) {
    String id = in.getString("timezone");
    if (id == null) {
      id = Caller.timezoneOf(in);
    }
    return id == null ? ZoneOffset.UTC : Times.zone(id);
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
