package app.ecommerce.http.input;

import app.ecommerce.time.DateTimeInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonFormatValidator;
import java.time.ZoneId;
import java.util.Set;

/**
 * The string formats the schemas name whose checks JSON Schema leaves to the application:
 * vertx-json-schema calls {@link #VALIDATOR} for every format keyword. Hand-written because the
 * library's own {@code email} check gives no reason (the 422 says which part is wrong) and it
 * knows neither IANA zone ids nor the dates the sales range accepts.
 */
final class Formats {
  static final String EMAIL = "email";
  /**
   * What {@link InputSchema} compiles {@code email} as: the library's own email check throws on an
   * empty string (it reads the first character unchecked), a 500, and would refuse addresses for
   * reasons it does not give.
   */
  static final String EMAIL_CHECKED_HERE = "x-email-address";
  static final String TIMEZONE = "iana-time-zone";
  static final String DATE_OR_DATE_TIME = "iso-date-or-date-time";
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  static final JsonFormatValidator VALIDATOR = (type, format, instance) -> {
    if (format == null || !(instance instanceof String s)) {
      return null;
    }
    switch (format) {
      case EMAIL, EMAIL_CHECKED_HERE:
        String problem = EmailAddress.problem(s);
        return problem == null ? null : "value is not a valid email address: " + problem;
      case TIMEZONE:
        return ZONES.contains(s) ? null : "Value error, timezone must be valid";
      case DATE_OR_DATE_TIME:
        return DateTimeInput.parse(s).isPresent() ? null : "not a date";
      default:
        return null;
    }
  };

  private Formats() {
  }

  /** The schema to compile: every {@code format: email} checked by {@link #VALIDATOR} alone. */
  static JsonObject compiled(JsonObject schema) {
    JsonObject copy = schema.copy();
    rename(copy);
    return copy;
  }

  private static void rename(Object node) {
    if (node instanceof JsonObject o) {
      if (EMAIL.equals(o.getValue("format"))) {
        o.put("format", EMAIL_CHECKED_HERE);
      }
      o.forEach(e -> rename(e.getValue()));
    } else if (node instanceof JsonArray a) {
      a.forEach(Formats::rename);
    }
  }
}
