package app.ecommerce.http.input;

import app.ecommerce.time.DateTimeInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies {@link Field} rules to merged request input and produces clean values: strings,
 * {@code Long} integers, booleans, money as {@code Long} cents, lists as {@link JsonArray}.
 * Numbers are range-checked exactly before any narrowing. All problems are reported at once, one
 * message per dotted path, in the wording of the original system (pydantic's).
 */
public final class Validator {
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,30}");
  private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30})");
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private final Map<String, String> problems = new LinkedHashMap<>();

  private Validator() {
  }

  /**
   * Adds one message per failing field path to {@code problems} instead of throwing, so that
   * several inputs of one request (its fields, its headers) are reported together.
   */
  public static JsonObject validate(List<Field> fields, Map<String, Object> input, Map<String, String> problems) {
    Validator v = new Validator();
    JsonObject clean = v.object(fields, input, "");
    problems.putAll(v.problems);
    return clean;
  }

  private JsonObject object(List<Field> fields, Map<String, Object> input, String prefix) {
    JsonObject clean = new JsonObject();
    for (Field field : fields) {
      String path = prefix + field.name();
      if (!input.containsKey(field.name())) {
        if (field.required()) {
          problems.put(path, "Field required");
        } else if (!field.isAbsentMeansUnchanged()) {
          clean.put(field.name(), field.defaultValue());
        }
        continue;
      }
      Object raw = input.get(field.name());
      if (raw == null) {
        if (field.isNullable()) {
          clean.put(field.name(), null);
        } else {
          problems.put(path, nullMessage(field));
        }
        continue;
      }
      Object value = value(field, raw, path);
      if (value != null) {
        clean.put(field.name(), value);
      }
    }
    return clean;
  }

  private Object value(Field field, Object raw, String path) {
    switch (field.type()) {
      case STRING:
        return string(field, raw, path);
      case INTEGER:
        return integer(field, decoded(raw), path);
      case BOOLEAN:
        return bool(decoded(raw), path);
      case MONEY:
        return money(field, raw instanceof TextValue t ? t.last() : raw, path);
      case INTEGER_LIST:
        return integerList(field, raw, path);
      case OBJECT_LIST:
        return objectList(field, decoded(raw), path);
      case DATE_TIME:
        return dateTime(field, raw, path);
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

  private String string(Field field, Object raw, String path) {
    String s;
    if (raw instanceof TextValue t) {
      s = t.last();
    } else if (raw instanceof String str) {
      s = str;
    } else {
      problems.put(path, "Input should be a valid string");
      return null;
    }
    if (!wellFormed(s)) {
      // JSON may escape a lone surrogate; no database column can store it (it became '?')
      problems.put(path, "Input should be a valid string, unable to parse raw data as a unicode string");
      return null;
    }
    if (s.indexOf('\0') >= 0) {
      problems.put(path, "String should not contain NUL characters");
      return null;
    }
    if (field.allowed() != null && !field.allowed().contains(s)) {
      problems.put(path, "Input should be " + field.allowed().stream()
          .map(a -> "'" + a + "'").collect(Collectors.joining(", ")).replaceFirst(", ([^,]*)$", " or $1"));
      return null;
    }
    int length = s.codePointCount(0, s.length());
    if (field.minLength() != null && length < field.minLength()) {
      problems.put(path, "String should have at least " + field.minLength() + " character" + plural(field.minLength()));
      return null;
    }
    if (field.maxLength() != null && length > field.maxLength()) {
      problems.put(path, "String should have at most " + field.maxLength() + " character" + plural(field.maxLength()));
      return null;
    }
    if (field.pattern() != null && !field.pattern().matcher(s).matches()) {
      problems.put(path, field.patternMessage());
      return null;
    }
    if (field.format() == Field.Format.EMAIL) {
      String problem = EmailAddress.problem(s);
      if (problem != null) {
        problems.put(path, "value is not a valid email address: " + problem);
        return null;
      }
    }
    if (field.format() == Field.Format.TIMEZONE && !ZONES.contains(s)) {
      problems.put(path, "Value error, timezone must be valid");
      return null;
    }
    return s;
  }

  private Long integer(Field field, Object value, String path) {
    BigDecimal number = null;
    if (value instanceof BigDecimal d) {
      number = d;
    } else if (value instanceof String s && INTEGER_TEXT.matcher(s.strip()).matches()) {
      number = new BigDecimal(s.strip());
    } else if (value instanceof String) {
      problems.put(path, "Input should be a valid integer, unable to parse string as an integer");
      return null;
    }
    if (number == null) {
      problems.put(path, "Input should be a valid integer");
      return null;
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      problems.put(path, "Input should be a valid integer, got a number with a fractional part");
      return null;
    }
    if (field.min() != null && number.compareTo(BigDecimal.valueOf(field.min())) < 0) {
      problems.put(path, "Input should be greater than or equal to " + field.min());
      return null;
    }
    if (field.max() != null && number.compareTo(BigDecimal.valueOf(field.max())) > 0) {
      problems.put(path, "Input should be less than or equal to " + field.max());
      return null;
    }
    return number.longValueExact();
  }

  private Boolean bool(Object value, String path) {
    if (value instanceof Boolean b) {
      return b;
    }
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
    problems.put(path, "Input should be a valid boolean");
    return null;
  }

  private Long money(Field field, Object value, String path) {
    BigDecimal amount = null;
    if (value instanceof BigDecimal d) {
      amount = d;
    } else if (value instanceof String s && DECIMAL_TEXT.matcher(s.strip()).matches()) {
      amount = new BigDecimal(s.strip());
    }
    if (amount == null) {
      problems.put(path, "Input should be a valid decimal");
      return null;
    }
    if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > 2) {
      problems.put(path, "Decimal input should have no more than 2 decimal places");
      return null;
    }
    if (amount.signum() <= 0) {
      problems.put(path, "Input should be greater than 0");
      return null;
    }
    if (field.moneyMax() != null && amount.compareTo(field.moneyMax()) > 0) {
      problems.put(path, "Input should be less than or equal to " + field.moneyMax().toPlainString());
      return null;
    }
    return amount.movePointRight(2).longValueExact();
  }

  private JsonArray integerList(Field field, Object raw, String path) {
    List<Object> items = new ArrayList<>();
    if (raw instanceof TextValue t) {
      for (String text : t.values()) {
        Object decoded = JsonInput.tryParse(text).orElse(text);
        if (decoded instanceof List<?> list) {
          items.addAll(list);
        } else if (decoded instanceof String s && s.contains(",")) {
          for (String part : s.split(",", -1)) {
            items.add(part.strip());
          }
        } else if (!(decoded instanceof String s && s.isBlank() && t.values().size() == 1)) {
          items.add(decoded == JsonInput.NULL ? null : decoded);
        }
      }
    } else if (raw instanceof List<?> list) {
      items.addAll(list);
    } else {
      problems.put(path, "Input should be a valid list");
      return null;
    }
    if (!sizeOk(field, items.size(), path)) {
      return null;
    }
    JsonArray out = new JsonArray();
    Field element = Field.integer(field.name(), field.min(), field.max());
    int before = problems.size();
    for (int i = 0; i < items.size(); i++) {
      Long v = integer(element, items.get(i), path + "." + i);
      out.add(v);
    }
    return problems.size() == before ? out : null;
  }

  private JsonArray objectList(Field field, Object value, String path) {
    if (!(value instanceof List<?> items)) {
      problems.put(path, "Input should be a valid list");
      return null;
    }
    if (!sizeOk(field, items.size(), path)) {
      return null;
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "." + i;
      if (items.get(i) instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) map;
        out.add(object(field.itemFields(), item, itemPath + "."));
      } else {
        problems.put(itemPath, "Input should be a valid dictionary or object to extract fields from");
      }
    }
    return out;
  }

  private boolean sizeOk(Field field, int size, String path) {
    if (field.minItems() != null && size < field.minItems()) {
      problems.put(path, "List should have at least " + field.minItems() + " item" + plural(field.minItems())
          + " after validation, not " + size);
      return false;
    }
    if (field.maxItems() != null && size > field.maxItems()) {
      problems.put(path, "List should have at most " + field.maxItems() + " item" + plural(field.maxItems())
          + " after validation, not " + size);
      return false;
    }
    return true;
  }

  private String dateTime(Field field, Object raw, String path) {
    String s = raw instanceof TextValue t ? t.last() : raw instanceof String str ? str : null;
    if (s == null || s.length() > field.maxLength() || DateTimeInput.parse(s).isEmpty()) {
      problems.put(path, "Input should be a valid datetime or date, e.g. 2023-01-31 or 2023-01-31T17:00:00+05:00");
      return null;
    }
    return s.strip();
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

  private static String nullMessage(Field field) {
    switch (field.type()) {
      case INTEGER:
        return "Input should be a valid integer";
      case BOOLEAN:
        return "Input should be a valid boolean";
      case MONEY:
        return "Input should be a valid decimal";
      case INTEGER_LIST:
      case OBJECT_LIST:
        return "Input should be a valid list";
      case DATE_TIME:
        return "Input should be a valid datetime or date";
      default:
        return "Input should be a valid string";
    }
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
