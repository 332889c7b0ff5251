package app.ecommerce.http.input;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input rules of one endpoint as one JSON Schema (the object of its {@link Field}s), compiled
 * once by vertx-json-schema and applied to every request: {@link Coercion} makes the merged input
 * JSON, the library's {@link Validator} checks it, {@link ProblemWording} words each error as the
 * API always has (pydantic's messages, dotted paths), and the valid input comes out clean:
 * strings, {@code Long} integers, booleans, money as {@code Long} cents, lists as {@link JsonArray}.
 */
public final class InputSchema {
  /** Draft 2020-12, the dialect of OpenAPI 3.1; every error listed flat with its instance path. */
  static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("https://ecommerce.invalid/").setOutputFormat(OutputFormat.Basic);

  private static final Logger LOG = LoggerFactory.getLogger(InputSchema.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private final List<Field> fields;
  private final Validator validator;
  private final Map<String, Field> byName = new LinkedHashMap<>();

  public InputSchema(List<Field> fields) {
    this.fields = List.copyOf(fields);
    this.validator = Validator.create(JsonSchema.of(Formats.compiled(Field.objectSchema(fields))), OPTIONS,
        Formats.VALIDATOR);
    fields.forEach(f -> byName.put(f.name(), f));
  }

  public List<Field> fields() {
    return fields;
  }

  /** The repository vertx-web-validation's handlers compile their parameter schemas with. */
  public static SchemaRepository repository() {
    warnIfInterpreted();
    return SchemaRepository.create(OPTIONS, Formats.VALIDATOR);
  }

  /**
   * vertx-json-schema checks an instance in one method of 9,290 bytes of bytecode; HotSpot does
   * not compile methods over 8,000 unless started with {@code -XX:-DontCompileHugeMethods}, and
   * interpreted it costs several times as much per request (docs/benchmarks.md). {@code ./run.sh}
   * passes the option; a node started otherwise says so once.
   */
  private static void warnIfInterpreted() {
    try {
      var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm != null && "true".equals(vm.getVMOption("DontCompileHugeMethods").getValue())
          && !WARNED.getAndSet(true)) {
        LOG.warn("input validation runs interpreted: start java with -XX:-DontCompileHugeMethods, as ./run.sh does");
      }
    } catch (IllegalArgumentException | UnsupportedOperationException notHotSpot) {
      // another VM: nothing to say
    }
  }

  /**
   * Adds one message per failing field path to {@code problems} instead of throwing, so that
   * several inputs of one request (its fields, its headers) are reported together.
   *
   * @return the clean input; meaningful only when no problem was added
   */
  public JsonObject validate(Map<String, Object> input, Map<String, String> problems) {
    Map<String, String> found = new LinkedHashMap<>();
    brackets(input, found);
    JsonObject instance = Coercion.object(fields, input, "", found);
    OutputUnit result = validator.validate(instance);
    if (!result.getValid()) {
      ProblemWording.add(byName, instance, result.getErrors(), found);
    }
    found.entrySet().stream().sorted(Comparator.comparing(e -> order(e.getKey())))
        .forEach(e -> problems.put(e.getKey(), e.getValue()));
    return found.isEmpty() ? clean(fields, instance) : new JsonObject();
  }

  /** Problems in the order the fields are declared, list elements by index, as they were always listed. */
  private String order(String path) {
    StringBuilder key = new StringBuilder();
    List<Field> level = fields;
    for (String step : path.split("\\.")) {
      int index = -1;
      for (int i = 0; i < level.size(); i++) {
        if (level.get(i).name().equals(step)) {
          index = i;
          level = level.get(i).itemFields();
        }
      }
      if (index < 0 && !step.isEmpty() && step.chars().allMatch(Character::isDigit) && step.length() < 10) {
        index = Integer.parseInt(step);
      }
      key.append(String.format("%010d.", index < 0 ? Integer.MAX_VALUE : index));
    }
    return key.toString();
  }

  /**
   * API.md §1: only list fields take bracket forms; any other bracketed name, sent or unknown,
   * is a 422 rather than a filter silently dropped.
   */
  private void brackets(Map<String, Object> input, Map<String, String> problems) {
    input.forEach((name, value) -> {
      if (!(value instanceof TextValue t) || t.bracketed() == null) {
        return;
      }
      Field field = byName.get(name);
      if (field == null || !field.isList()) {
        String lists = fields.stream().filter(Field::isList).map(Field::name).collect(Collectors.joining(", "));
        problems.put(t.bracketed(), "Brackets are for list fields, and " + name + " is not one of this endpoint's"
            + (lists.isEmpty() ? " (it has none)" : " (" + lists + ")") + ": send " + name + "=<value>");
      } else if (t.unreadable() || (field.type() == Field.Type.INTEGER_LIST && !t.members().isEmpty())) {
        problems.put(t.bracketed(), "Send the list as " + name + "[]=<value> or " + name + "[<index>]=<value>"
            + (field.type() == Field.Type.OBJECT_LIST ? " (a JSON object), or " + name + "[<index>][<field>]=<value>" : ""));
      }
    });
  }

  private static JsonObject clean(List<Field> fields, JsonObject instance) {
    JsonObject clean = new JsonObject();
    for (Field field : fields) {
      if (instance.containsKey(field.name())) {
        clean.put(field.name(), cleanValue(field, instance.getValue(field.name())));
      } else if (!field.required() && !field.isAbsentMeansUnchanged()) {
        clean.put(field.name(), field.defaultValue());
      }
    }
    return clean;
  }

  private static Object cleanValue(Field field, Object value) {
    if (value == null) {
      return null;
    }
    switch (field.type()) {
      case INTEGER:
        return ((BigInteger) value).longValueExact();
      case MONEY:
        return ((BigDecimal) value).movePointRight(2).longValueExact();
      case DATE_TIME:
        return ((String) value).strip();
      case INTEGER_LIST:
        JsonArray ids = new JsonArray();
        ((JsonArray) value).forEach(id -> ids.add(((BigInteger) id).longValueExact()));
        return ids;
      case OBJECT_LIST:
        JsonArray objects = new JsonArray();
        ((JsonArray) value).forEach(item -> objects.add(clean(field.itemFields(), (JsonObject) item)));
        return objects;
      default:
        return value;
    }
  }
}
