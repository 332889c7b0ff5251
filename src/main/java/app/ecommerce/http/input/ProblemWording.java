package app.ecommerce.http.input;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * Words vertx-json-schema's errors as the API's 422 always has: one message per dotted path
 * ({@code items.0.quantity}), in pydantic's wording (the original system's), for the first rule a
 * value breaks in the order the fields were always checked (type, allowed values, length,
 * pattern, format; bounds). Hand-written because the library's messages are its own ("String is
 * too short (2 < 3)") and clients and tests read ours.
 */
final class ProblemWording {
  /** The keywords that word a refusal, in the order a value is judged; others only wrap these. */
  private static final List<String> ORDER = List.of("required", "type", "anyOf", "enum", "minLength", "maxLength",
      "pattern", "format", "exclusiveMinimum", "minimum", "maximum", "minItems", "maxItems");
  private static final String DATE_TIME = "Input should be a valid datetime or date, e.g. 2023-01-31 or 2023-01-31T17:00:00+05:00";

  private ProblemWording() {
  }

  /** Adds the message of each path that has none yet; a path under one that has a problem is skipped. */
  static void add(Map<String, Field> fields, JsonObject instance, List<OutputUnit> errors, Map<String, String> problems) {
    Map<String, OutputUnit> first = new LinkedHashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    for (OutputUnit error : errors) {
      String keyword = keyword(error);
      int r = ORDER.indexOf(keyword);
      if (r < 0) {
        continue;
      }
      String path = path(error, keyword);
      if (r < rank.getOrDefault(path, Integer.MAX_VALUE)) {
        rank.put(path, r);
        first.put(path, error);
      }
    }
    first.forEach((path, error) -> {
      if (problems.containsKey(path) || under(path, problems) || under(path, first)) {
        return;
      }
      Target target = target(fields, path);
      String message = message(target, keyword(error), value(instance, path));
      if (message != null) {
        problems.put(path, message);
      }
    });
  }

  private static String keyword(OutputUnit error) {
    String location = error.getKeywordLocation();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** {@code #/items/0/quantity} → {@code items.0.quantity}; a missing property is named by the error. */
  private static String path(OutputUnit error, String keyword) {
    String at = error.getInstanceLocation().replaceFirst("^#/?", "").replace('/', '.');
    if (keyword.equals("required")) {
      String message = error.getError();
      String property = message.substring(message.indexOf('"') + 1, message.lastIndexOf('"'));
      return at.isEmpty() ? property : at + "." + property;
    }
    return at;
  }

  private static boolean under(String path, Map<String, ?> others) {
    for (String other : others.keySet()) {
      if (path.length() > other.length() && path.startsWith(other) && path.charAt(other.length()) == '.') {
        return true;
      }
    }
    return false;
  }

  /** The value at a dotted path of the checked instance. */
  private static Object value(JsonObject instance, String path) {
    Object at = instance;
    for (String step : path.split("\\.")) {
      if (at instanceof JsonObject o) {
        at = o.getValue(step);
      } else if (at instanceof JsonArray a && step.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(step);
        at = i < a.size() ? a.getValue(i) : null;
      } else {
        return null;
      }
    }
    return at;
  }

  /** The field a path names, and whether it names an element of that field's list. */
  private record Target(Field field, boolean element) {
  }

  private static Target target(Map<String, Field> fields, String path) {
    String[] steps = path.split("\\.");
    Field field = fields.get(steps[0]);
    if (steps.length == 1 || field == null) {
      return new Target(field, false);
    }
    if (field.type() == Field.Type.OBJECT_LIST && steps.length == 3) {
      Map<String, Field> items = field.itemFields().stream().collect(Collectors.toMap(Field::name, f -> f));
      return target(items, steps[2]);
    }
    return new Target(field, true);
  }

  private static String message(Target target, String keyword, Object value) {
    Field field = target.field();
    if (field == null) {
      return null;
    }
    if (keyword.equals("required")) {
      return "Field required";
    }
    if (target.element()) {
      return field.type() == Field.Type.INTEGER_LIST ? integer(field, keyword, value)
          : "Input should be a valid dictionary or object to extract fields from";
    }
    switch (field.type()) {
      case INTEGER:
        return integer(field, keyword, value);
      case BOOLEAN:
        return "Input should be a valid boolean";
      case MONEY:
        return money(field, keyword, value);
      case DATE_TIME:
        return value == null ? "Input should be a valid datetime or date" : DATE_TIME;
      case INTEGER_LIST:
      case OBJECT_LIST:
        return list(field, keyword, value);
      default:
        return string(field, keyword, value);
    }
  }

  private static String string(Field field, String keyword, Object value) {
    switch (keyword) {
      case "enum":
        return "Input should be " + field.allowed().stream().map(a -> "'" + a + "'")
            .collect(Collectors.joining(", ")).replaceFirst(", ([^,]*)$", " or $1");
      case "minLength":
        return "String should have at least " + field.minLength() + " character" + plural(field.minLength());
      case "maxLength":
        return "String should have at most " + field.maxLength() + " character" + plural(field.maxLength());
      case "pattern":
        return field.patternMessage();
      case "format":
        return Formats.VALIDATOR.validateFormat("string", field.schema().getString("format"), value);
      default:
        return "Input should be a valid string";
    }
  }

  private static String integer(Field field, String keyword, Object value) {
    switch (keyword) {
      case "minimum":
        return "Input should be greater than or equal to " + field.min();
      case "maximum":
        return "Input should be less than or equal to " + field.max();
      default:
        if (value instanceof String) {
          return "Input should be a valid integer, unable to parse string as an integer";
        }
        return value instanceof BigDecimal ? "Input should be a valid integer, got a number with a fractional part"
            : "Input should be a valid integer";
    }
  }

  /** A number in range of the number branch, or text the decimal pattern refused. */
  private static String money(Field field, String keyword, Object value) {
    if (!(value instanceof BigDecimal amount)) {
      return "Input should be a valid decimal";
    }
    if (amount.signum() <= 0) {
      return "Input should be greater than 0";
    }
    return amount.compareTo(field.moneyMax()) > 0
        ? "Input should be less than or equal to " + field.moneyMax().toPlainString() : null;
  }

  private static String list(Field field, String keyword, Object value) {
    int size = value instanceof JsonArray a ? a.size() : 0;
    switch (keyword) {
      case "minItems":
        return "List should have at least " + field.minItems() + " item" + plural(field.minItems())
            + " after validation, not " + size;
      case "maxItems":
        return "List should have at most " + field.maxItems() + " item" + plural(field.maxItems())
            + " after validation, not " + size;
      default:
        return "Input should be a valid list";
    }
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
