package app.ecommerce.http;

import app.ecommerce.http.input.Field;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema (OpenAPI 3.1 dialect) of a {@link Field}: the same limits the
 * {@link app.ecommerce.http.input.Validator} applies, taken from the same declaration.
 */
final class FieldSchema {
  static final BigDecimal CENT = new BigDecimal("0.01");

  private FieldSchema() {
  }

  static JsonObject of(Field field) {
    JsonObject schema = base(field);
    if (field.isNullable()) {
      Object type = schema.getValue("type");
      if (type instanceof String single) {
        schema.put("type", new JsonArray().add(single).add("null"));
      } else if (schema.containsKey("anyOf")) {
        schema.getJsonArray("anyOf").add(new JsonObject().put("type", "null"));
      }
      if (schema.containsKey("enum")) {
        schema.getJsonArray("enum").addNull();
      }
    }
    if (!field.required() && !field.isAbsentMeansUnchanged() && (field.defaultValue() != null || field.isNullable())) {
      schema.put("default", field.defaultValue());
    }
    if (field.description() != null) {
      schema.put("description", field.description());
    }
    return schema;
  }

  /** An object whose properties are these fields; unknown properties are ignored, so allowed. */
  static JsonObject object(List<Field> fields) {
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (Field field : fields) {
      properties.put(field.name(), of(field));
      if (field.required()) {
        required.add(field.name());
      }
    }
    JsonObject schema = new JsonObject().put("type", "object").put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  private static JsonObject base(Field field) {
    switch (field.type()) {
      case STRING:
        return string(field);
      case INTEGER:
        return integer(field.min(), field.max());
      case BOOLEAN:
        return new JsonObject().put("type", "boolean")
            .put("x-also-accepts", "1/0, yes/no, on/off, t/f, y/n as text");
      case MONEY:
        return money(field.moneyMax());
      case INTEGER_LIST:
        return list(field, integer(field.min(), field.max()));
      case OBJECT_LIST:
        return list(field, object(field.itemFields()));
      case DATE_TIME:
        return new JsonObject().put("type", "string").put("maxLength", field.maxLength())
            .put("examples", new JsonArray().add("2024-01-31").add("2024-01-31T17:00:00").add("2024-01-31T17:00:00+05:00"))
            .put("x-format", "ISO-8601 date or date-time, with or without offset");
      default:
        throw new IllegalStateException("no schema for field type " + field.type());
    }
  }

  private static JsonObject string(Field field) {
    JsonObject schema = new JsonObject().put("type", "string");
    if (field.allowed() != null) {
      schema.put("enum", new JsonArray(new ArrayList<Object>(field.allowed())));
    }
    if (field.minLength() != null) {
      schema.put("minLength", field.minLength());
    }
    if (field.maxLength() != null) {
      schema.put("maxLength", field.maxLength());
    }
    if (field.pattern() != null) {
      schema.put("pattern", anchored(field.pattern().pattern()));
    }
    if (field.format() == Field.Format.EMAIL) {
      schema.put("format", "email");
    } else if (field.format() == Field.Format.TIMEZONE) {
      schema.put("x-format", "IANA time-zone id");
      schema.put("examples", new JsonArray().add("UTC").add("Asia/Karachi"));
    }
    return schema;
  }

  private static JsonObject integer(Long min, Long max) {
    JsonObject schema = new JsonObject().put("type", "integer").put("format", "int64");
    if (min != null) {
      schema.put("minimum", min);
    }
    if (max != null) {
      schema.put("maximum", max);
    }
    return schema;
  }

  /** Exact decimal: a string or a number, greater than 0, at most {@code max}, at most 2 decimals. */
  private static JsonObject money(BigDecimal max) {
    JsonObject number = new JsonObject().put("type", "number")
        .put("exclusiveMinimum", 0).put("multipleOf", CENT).put("maximum", max);
    JsonObject text = new JsonObject().put("type", "string").put("pattern", "^[+]?([0-9]+([.][0-9]*)?|[.][0-9]+)$")
        .put("examples", new JsonArray().add("1499.99"));
    return new JsonObject()
        .put("anyOf", new JsonArray().add(text).add(number))
        .put("x-exclusiveMinimum", 0).put("x-maximum", max).put("x-decimals", 2);
  }

  private static JsonObject list(Field field, JsonObject items) {
    JsonObject schema = new JsonObject().put("type", "array").put("items", items);
    if (field.minItems() != null && field.minItems() > 0) {
      schema.put("minItems", field.minItems());
    }
    if (field.maxItems() != null) {
      schema.put("maxItems", field.maxItems());
    }
    return schema;
  }

  /** The validator matches whole values; a JSON Schema pattern matches anywhere unless anchored. */
  static String anchored(String regex) {
    return regex.startsWith("^") && regex.endsWith("$") ? regex : "^(?:" + regex + ")$";
  }
}
