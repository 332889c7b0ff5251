package app.ecommerce.http.input;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One input field of an endpoint: its name, whether it must be sent, and its rules as a JSON Schema
 * (Draft 2020-12, the dialect of OpenAPI 3.1), which vertx-json-schema checks ({@link InputSchema})
 * and {@code /openapi.json} publishes as it is. The {@link Type} says how text (query string, form)
 * becomes the JSON value the schema checks ({@link Coercion}). Immutable: every builder method
 * returns a changed copy.
 */
public final class Field {

  /** How text input becomes JSON for the schema, and which messages its refusals get. */
  public enum Type { STRING, INTEGER, BOOLEAN, MONEY, INTEGER_LIST, OBJECT_LIST, DATE_TIME }

  /** Formats the schema names and {@link Formats} checks (JSON Schema leaves them to the application). */
  public enum Format { NONE, EMAIL, TIMEZONE }

  static final BigDecimal CENT = new BigDecimal("0.01");
  static final String DECIMAL_PATTERN = "^[+]?([0-9]+([.][0-9]*)?|[.][0-9]+)$";

  private final String name;
  private final Type type;
  private JsonObject schema;
  private boolean required = true;
  private boolean nullable;
  private Object defaultValue;
  private boolean absentMeansUnchanged;
  private Pattern pattern;
  private String patternMessage;
  private List<Field> itemFields = List.of();
  private Format format = Format.NONE;

  private Field(String name, Type type, JsonObject schema) {
    this.name = name;
    this.type = type;
    this.schema = schema;
  }

  private Field with(Consumer<Field> change) {
    Field f = new Field(name, type, schema.copy());
    f.required = required;
    f.nullable = nullable;
    f.defaultValue = defaultValue;
    f.absentMeansUnchanged = absentMeansUnchanged;
    f.pattern = pattern;
    f.patternMessage = patternMessage;
    f.itemFields = itemFields;
    f.format = format;
    change.accept(f);
    return f;
  }

  /** A required string of {@code minLength..maxLength} characters (code points). */
  public static Field string(String name, int minLength, int maxLength) {
    return new Field(name, Type.STRING, new JsonObject().put("type", "string")
        .put("minLength", minLength).put("maxLength", maxLength));
  }

  /** A required string restricted to the given values. */
  public static Field oneOf(String name, String... values) {
    return new Field(name, Type.STRING, new JsonObject().put("type", "string")
        .put("enum", new JsonArray(new ArrayList<>(List.of(values)))));
  }

  /** A required whole number in {@code min..max}; wider values are refused, never narrowed. */
  public static Field integer(String name, long min, long max) {
    return new Field(name, Type.INTEGER, integerSchema(min, max));
  }

  public static Field bool(String name) {
    return new Field(name, Type.BOOLEAN, new JsonObject().put("type", "boolean")
        .put("x-also-accepts", "1/0, yes/no, on/off, t/f, y/n as text"));
  }

  /** A required amount of money: greater than 0, at most {@code max}, at most two decimals. */
  public static Field money(String name, String max) {
    BigDecimal limit = new BigDecimal(max);
    JsonObject number = new JsonObject().put("type", "number")
        .put("exclusiveMinimum", 0).put("multipleOf", CENT).put("maximum", limit);
    JsonObject text = new JsonObject().put("type", "string").put("pattern", DECIMAL_PATTERN)
        .put("examples", new JsonArray().add("1499.99"));
    return new Field(name, Type.MONEY, new JsonObject().put("anyOf", new JsonArray().add(text).add(number))
        .put("x-exclusiveMinimum", 0).put("x-maximum", limit).put("x-decimals", 2));
  }

  /** A list of whole numbers in {@code min..max}, at most {@code maxItems} of them. */
  public static Field integerList(String name, long min, long max, int maxItems) {
    return new Field(name, Type.INTEGER_LIST, new JsonObject().put("type", "array")
        .put("items", integerSchema(min, max)).put("maxItems", maxItems));
  }

  /** A list of objects, each validated by {@code itemFields}; error paths are {@code name.index.field}. */
  public static Field objectList(String name, int minItems, int maxItems, Field... itemFields) {
    JsonObject schema = new JsonObject().put("type", "array").put("items", objectSchema(List.of(itemFields)));
    if (minItems > 0) {
      schema.put("minItems", minItems);
    }
    Field f = new Field(name, Type.OBJECT_LIST, schema.put("maxItems", maxItems));
    f.itemFields = List.of(itemFields);
    return f;
  }

  /** An ISO-8601 date or date-time, with or without an offset; the service interprets it. */
  public static Field dateTime(String name) {
    return new Field(name, Type.DATE_TIME, new JsonObject().put("type", "string").put("maxLength", 64)
        .put("format", Formats.DATE_OR_DATE_TIME)
        .put("examples", new JsonArray().add("2024-01-31").add("2024-01-31T17:00:00").add("2024-01-31T17:00:00+05:00")));
  }

  /** The schema of an object whose properties are these fields; unknown properties are ignored, so allowed. */
  public static JsonObject objectSchema(List<Field> fields) {
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (Field field : fields) {
      properties.put(field.name(), field.schema());
      if (field.required()) {
        required.add(field.name());
      }
    }
    JsonObject schema = new JsonObject().put("type", "object").put("properties", properties);
    return required.isEmpty() ? schema : schema.put("required", required);
  }

  private static JsonObject integerSchema(long min, long max) {
    return new JsonObject().put("type", "integer").put("format", "int64").put("minimum", min).put("maximum", max);
  }

  public Field optional() {
    return with(f -> f.required = false);
  }

  /** Optional, taking this value when absent. */
  public Field defaultsTo(Object value) {
    return with(f -> {
      f.required = false;
      f.defaultValue = value;
      if (value != null) {
        f.schema.put("default", value);
      } else {
        f.schema.remove("default");
      }
    });
  }

  /**
   * Optional, and left out of the validated input when absent, so that a partial update can tell
   * "not sent" (unchanged) from an explicit null.
   */
  public Field absentMeansUnchanged() {
    return with(f -> {
      f.required = false;
      f.absentMeansUnchanged = true;
    });
  }

  public boolean isAbsentMeansUnchanged() {
    return absentMeansUnchanged;
  }

  /** An explicit JSON null is accepted and kept as null. */
  public Field nullable() {
    return with(f -> {
      f.nullable = true;
      Object single = f.schema.getValue("type");
      if (single instanceof String s) {
        f.schema.put("type", new JsonArray().add(s).add("null"));
      } else if (f.schema.containsKey("anyOf")) {
        f.schema.getJsonArray("anyOf").add(new JsonObject().put("type", "null"));
      }
      if (f.schema.containsKey("enum")) {
        f.schema.getJsonArray("enum").addNull();
      }
    });
  }

  /** The value must match {@code regex} as a whole; {@code message} is the 422's. */
  public Field pattern(String regex, String message) {
    return with(f -> {
      f.pattern = Pattern.compile(regex);
      f.patternMessage = message;
      // the whole value must match; JSON Schema patterns match anywhere, so it is anchored, and
      // with (?![\s\S]) rather than $: vertx-json-schema runs patterns as Java regexes, whose $
      // also matches before a final line break ("slug\n" passed); this means "end of text" in
      // Java and in ECMA-262, the dialect clients read
      String whole = regex.startsWith("^") && regex.endsWith("$") ? regex.substring(1, regex.length() - 1) : regex;
      f.schema.put("pattern", "^(?:" + whole + ")(?![\\s\\S])");
    });
  }

  public Field format(Format format) {
    return with(f -> {
      f.format = format;
      f.schema.put("format", format == Format.EMAIL ? Formats.EMAIL : Formats.TIMEZONE);
      if (format == Format.TIMEZONE) {
        f.schema.put("examples", new JsonArray().add("UTC").add("Asia/Karachi"));
      }
    });
  }

  public Field describedAs(String text) {
    return with(f -> f.schema.put("description", text));
  }

  /**
   * The field's JSON Schema: what {@link InputSchema} validates and {@code /openapi.json} shows.
   * A copy; the declaration stays as it was.
   */
  public JsonObject schema() {
    JsonObject copy = schema.copy();
    if (!required && nullable && defaultValue == null && !absentMeansUnchanged) {
      copy.putNull("default");
    }
    return copy;
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public boolean required() {
    return required;
  }

  public boolean isNullable() {
    return nullable;
  }

  public Object defaultValue() {
    return defaultValue;
  }

  public Integer minLength() {
    return schema.getInteger("minLength");
  }

  public Integer maxLength() {
    return schema.getInteger("maxLength");
  }

  public Pattern pattern() {
    return pattern;
  }

  public String patternMessage() {
    return patternMessage;
  }

  /** The allowed values of a string field, without the null of a nullable one. */
  public List<String> allowed() {
    JsonArray values = schema.getJsonArray("enum");
    return values == null ? null : values.stream().filter(v -> v != null).map(String::valueOf).toList();
  }

  public Long min() {
    return limits().getLong("minimum");
  }

  public Long max() {
    return limits().getLong("maximum");
  }

  public BigDecimal moneyMax() {
    Object max = schema.getValue("x-maximum");
    return max == null ? null : new BigDecimal(max.toString());
  }

  public Integer minItems() {
    return type == Type.INTEGER_LIST || type == Type.OBJECT_LIST ? schema.getInteger("minItems", 0) : null;
  }

  public Integer maxItems() {
    return schema.getInteger("maxItems");
  }

  public List<Field> itemFields() {
    return itemFields;
  }

  public Format format() {
    return format;
  }

  public String description() {
    return schema.getString("description");
  }

  /** Where a number's bounds are: the field's own schema, or its items'. */
  private JsonObject limits() {
    return type == Type.INTEGER_LIST ? schema.getJsonObject("items") : schema;
  }

  /** A list field: the only kind whose name may carry brackets ({@code ids[]}, {@code ids[0]}). */
  public boolean isList() {
    return type == Type.INTEGER_LIST || type == Type.OBJECT_LIST;
  }
}
