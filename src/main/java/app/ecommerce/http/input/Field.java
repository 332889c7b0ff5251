package app.ecommerce.http.input;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One input field of an endpoint and every rule it must satisfy. The {@link Validator} applies
 * these rules and the OpenAPI document is generated from them, so the two cannot disagree.
 * Instances are effectively immutable: every builder method returns a changed copy.
 */
public final class Field {

  public enum Type { STRING, INTEGER, BOOLEAN, MONEY, INTEGER_LIST, OBJECT_LIST, DATE_TIME }

  /** Extra semantic checks on strings. */
  public enum Format { NONE, EMAIL, TIMEZONE }

  private final String name;
  private final Type type;
  private boolean required = true;
  private boolean nullable;
  private Object defaultValue;
  private Integer minLength;
  private Integer maxLength;
  private Pattern pattern;
  private String patternMessage;
  private List<String> allowed;
  private Long min;
  private Long max;
  private BigDecimal moneyMax;
  private Integer minItems;
  private Integer maxItems;
  private List<Field> itemFields = List.of();
  private Format format = Format.NONE;
  private String description;
  private boolean absentMeansUnchanged;

  private Field(String name, Type type) {
    this.name = name;
    this.type = type;
  }

  private Field with(Consumer<Field> change) {
    Field f = new Field(name, type);
    f.required = required;
    f.nullable = nullable;
    f.defaultValue = defaultValue;
    f.minLength = minLength;
    f.maxLength = maxLength;
    f.pattern = pattern;
    f.patternMessage = patternMessage;
    f.allowed = allowed;
    f.min = min;
    f.max = max;
    f.moneyMax = moneyMax;
    f.minItems = minItems;
    f.maxItems = maxItems;
    f.itemFields = itemFields;
    f.format = format;
    f.description = description;
    f.absentMeansUnchanged = absentMeansUnchanged;
    change.accept(f);
    return f;
  }

  /** A required string of {@code minLength..maxLength} characters (code points). */
  public static Field string(String name, int minLength, int maxLength) {
    return new Field(name, Type.STRING).with(f -> {
      f.minLength = minLength;
      f.maxLength = maxLength;
    });
  }

  /** A required string restricted to the given values. */
  public static Field oneOf(String name, String... values) {
    return new Field(name, Type.STRING).with(f -> f.allowed = List.of(values));
  }

  /** A required whole number in {@code min..max}; wider values are refused, never narrowed. */
  public static Field integer(String name, long min, long max) {
    return new Field(name, Type.INTEGER).with(f -> {
      f.min = min;
      f.max = max;
    });
  }

  public static Field bool(String name) {
    return new Field(name, Type.BOOLEAN);
  }

  /** A required amount of money: greater than 0, at most {@code max}, at most two decimals. */
  public static Field money(String name, String max) {
    return new Field(name, Type.MONEY).with(f -> f.moneyMax = new BigDecimal(max));
  }

  /** A list of whole numbers in {@code min..max}, at most {@code maxItems} of them. */
  public static Field integerList(String name, long min, long max, int maxItems) {
    return new Field(name, Type.INTEGER_LIST).with(f -> {
      f.min = min;
      f.max = max;
      f.minItems = 0;
      f.maxItems = maxItems;
    });
  }

  /** A list of objects, each validated by {@code itemFields}; error paths are {@code name.index.field}. */
  public static Field objectList(String name, int minItems, int maxItems, Field... itemFields) {
    return new Field(name, Type.OBJECT_LIST).with(f -> {
      f.minItems = minItems;
      f.maxItems = maxItems;
      f.itemFields = List.of(itemFields);
    });
  }

  /** An ISO-8601 date or date-time, with or without an offset; the service interprets it. */
  public static Field dateTime(String name) {
    return new Field(name, Type.DATE_TIME).with(f -> f.maxLength = 64);
  }

  public Field optional() {
    return with(f -> f.required = false);
  }

  /** Optional, taking this value when absent. */
  public Field defaultsTo(Object value) {
    return with(f -> {
      f.required = false;
      f.defaultValue = value;
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
    return with(f -> f.nullable = true);
  }

  public Field pattern(String regex, String message) {
    return with(f -> {
      f.pattern = Pattern.compile(regex);
      f.patternMessage = message;
    });
  }

  public Field format(Format format) {
    return with(f -> f.format = format);
  }

  public Field describedAs(String text) {
    return with(f -> f.description = text);
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
    return minLength;
  }

  public Integer maxLength() {
    return maxLength;
  }

  public Pattern pattern() {
    return pattern;
  }

  public String patternMessage() {
    return patternMessage;
  }

  public List<String> allowed() {
    return allowed;
  }

  public Long min() {
    return min;
  }

  public Long max() {
    return max;
  }

  public BigDecimal moneyMax() {
    return moneyMax;
  }

  public Integer minItems() {
    return minItems;
  }

  public Integer maxItems() {
    return maxItems;
  }

  public List<Field> itemFields() {
    return itemFields;
  }

  public Format format() {
    return format;
  }

  public String description() {
    return description;
  }
}
