package app.ecommerce.http.input;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns merged request input into the JSON value each field's schema checks: the query → JSON
 * step of API.md §1, which no schema library does (a query value is JSON-decoded only where the
 * field wants a number, boolean or list; lists also come as repeated keys, comma lists and
 * bracket forms; {@code "5"} is read as 5, {@code yes} as true, {@code "12.50"} as a decimal).
 * Also hand-written, for exactness: whole numbers reach the schema as {@link BigInteger} and
 * money as {@link BigDecimal}, because vertx-json-schema compares other numbers as doubles and
 * checks {@code multipleOf} through a double remainder ({@code 1e-400} passed it); so the
 * "at most two decimals" rule is checked here, exactly. Text a database could not store (NUL, a
 * lone surrogate) is refused here too: no JSON Schema keyword says "valid Unicode".
 */
final class Coercion {
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,30}");
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30})");
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  /** Stand-ins for whole numbers past a long: the schema's bounds (all within a long) refuse them. */
  private static final BigInteger PAST_MAX = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
  private static final BigInteger PAST_MIN = BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);

  private Coercion() {
  }

  /** The object the endpoint's schema checks: the declared fields that were sent, coerced. */
  static JsonObject object(List<Field> fields, Map<String, Object> input, String prefix, Map<String, String> problems) {
    JsonObject instance = new JsonObject();
    for (Field field : fields) {
      if (input.containsKey(field.name())) {
        instance.put(field.name(), value(field, input.get(field.name()), prefix + field.name(), problems));
      }
    }
    return instance;
  }

  private static Object value(Field field, Object raw, String path, Map<String, String> problems) {
    if (raw == null) {
      return null;
    }
    switch (field.type()) {
      case STRING:
        return string(raw instanceof TextValue t ? t.last() : raw, path, problems);
      case DATE_TIME:
        return raw instanceof TextValue t ? t.last() : raw;
      case INTEGER:
        return integer(decoded(raw));
      case BOOLEAN:
        return bool(decoded(raw));
      case MONEY:
        return money(raw instanceof TextValue t ? t.last() : raw, path, problems);
      case INTEGER_LIST:
        return integerList(raw);
      case OBJECT_LIST:
        return objectList(field, raw, path, problems);
      default:
        throw new IllegalStateException("unhandled field type " + field.type());
    }
  }

  /** Text is JSON-decoded for non-string fields; text that is not JSON stays a string. */
  private static Object decoded(Object raw) {
    if (raw instanceof TextValue t) {
      Object v = JsonInput.tryParse(t.last()).orElse(t.last());
      return v == JsonInput.NULL ? null : v;
    }
    return raw;
  }

  private static Object string(Object value, String path, Map<String, String> problems) {
    if (value instanceof String s) {
      if (!wellFormed(s)) {
        // JSON may escape a lone surrogate; no database column can store it (it became '?')
        problems.put(path, "Input should be a valid string, unable to parse raw data as a unicode string");
      } else if (s.indexOf('\0') >= 0) {
        problems.put(path, "String should not contain NUL characters");
      }
    }
    return value;
  }

  static Object integer(Object value) {
    if (value instanceof String s && INTEGER_TEXT.matcher(s.strip()).matches()) {
      value = new BigDecimal(s.strip());
    }
    if (value instanceof BigDecimal d && (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0)) {
      if (d.compareTo(LONG_MAX) > 0) {
        return PAST_MAX;
      }
      return d.compareTo(LONG_MIN) < 0 ? PAST_MIN : d.toBigIntegerExact();
    }
    return value; // a fraction, text or another type: the schema's type check words the refusal
  }

  private static Object bool(Object value) {
    if (value instanceof BigDecimal d && (d.compareTo(BigDecimal.ZERO) == 0 || d.compareTo(BigDecimal.ONE) == 0)) {
      return d.compareTo(BigDecimal.ONE) == 0;
    }
    if (value instanceof String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on", "t", "y":
          return true;
        case "false", "0", "no", "off", "f", "n":
          return false;
        default:
          break;
      }
    }
    return value;
  }

  private static Object money(Object value, String path, Map<String, String> problems) {
    if (value instanceof String s && DECIMAL_TEXT.matcher(s.strip()).matches()) {
      value = new BigDecimal(s.strip());
    }
    if (value instanceof BigDecimal amount && amount.signum() != 0 && amount.stripTrailingZeros().scale() > 2) {
      problems.put(path, "Decimal input should have no more than 2 decimal places");
    }
    return value;
  }

  private static Object integerList(Object raw) {
    if (raw instanceof List<?> list) {
      JsonArray out = new JsonArray();
      list.forEach(item -> out.add(integer(item)));
      return out;
    }
    if (!(raw instanceof TextValue t)) {
      return raw;
    }
    JsonArray items = new JsonArray();
    for (String text : t.values()) {
      Object decoded = JsonInput.tryParse(text).orElse(text);
      if (decoded instanceof List<?> list) {
        list.forEach(item -> items.add(integer(item)));
      } else if (decoded instanceof String s && s.contains(",")) {
        for (String part : s.split(",", -1)) {
          items.add(integer(part.strip()));
        }
      } else if (!(decoded instanceof String s && s.isBlank() && t.values().size() == 1)) {
        items.add(decoded == JsonInput.NULL ? null : integer(decoded));
      }
    }
    return items;
  }

  /**
   * A JSON list of objects; from text: the JSON of the (last) plain value, or one object per
   * {@code items[]} / {@code items[N]} value, or per index of {@code items[N][key]} pairs.
   */
  private static Object objectList(Field field, Object raw, String path, Map<String, String> problems) {
    List<Object> items = new ArrayList<>();
    if (raw instanceof TextValue t && t.bracketed() == null) {
      raw = decoded(raw);
    } else if (raw instanceof TextValue t) {
      for (String text : t.values()) {
        Object decoded = JsonInput.tryParse(text).orElse(text);
        if (decoded instanceof List<?> list) {
          items.addAll(list);
        } else {
          items.add(decoded == JsonInput.NULL ? null : decoded);
        }
      }
      items.addAll(t.members().values());
      raw = items;
    }
    if (!(raw instanceof List<?> list)) {
      return raw;
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) map;
        out.add(object(field.itemFields(), item, path + "." + i + ".", problems));
      } else {
        out.add(list.get(i));
      }
    }
    return out;
  }

  /** True when every surrogate is half of a pair, i.e. the text is valid Unicode. */
  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
