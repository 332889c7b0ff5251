package app.ecommerce.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Building blocks of the response schemas in {@code /openapi.json} (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1): the shapes every feature answers with, spelled once. Each feature
 * keeps its own answers' schemas beside its routes and names its reusable ones in
 * {@link RouteModule#schemas()}; {@link OpenApi} puts them under {@code components/schemas}.
 */
public final class Schemas {
  /** Money in answers: an exact decimal string with two decimals (API.md §1), of any size. */
  public static final String MONEY_PATTERN = "^[0-9]+[.][0-9]{2}$";

  private Schemas() {
  }

  /** A reference to a schema of {@code components/schemas}. */
  public static JsonObject ref(String name) {
    return new JsonObject().put("$ref", "#/components/schemas/" + name);
  }

  /** A database id: a positive 64-bit integer. */
  public static JsonObject id() {
    return new JsonObject().put("type", "integer").put("format", "int64").put("minimum", 1);
  }

  /** A count or stock level: a 64-bit integer, at least 0. */
  public static JsonObject count() {
    return new JsonObject().put("type", "integer").put("format", "int64").put("minimum", 0);
  }

  /** A 64-bit integer of either sign. */
  public static JsonObject int64() {
    return new JsonObject().put("type", "integer").put("format", "int64");
  }

  public static JsonObject text() {
    return new JsonObject().put("type", "string");
  }

  public static JsonObject bool() {
    return new JsonObject().put("type", "boolean");
  }

  public static JsonObject constant(Object value) {
    return new JsonObject().put("const", value);
  }

  public static JsonObject oneOf(String... values) {
    return new JsonObject().put("type", "string").put("enum", new JsonArray(java.util.List.of((Object[]) values)));
  }

  /** Exact decimal string, e.g. {@code "1499.99"}. */
  public static JsonObject money() {
    return new JsonObject().put("type", "string").put("pattern", MONEY_PATTERN)
        .put("description", "Exact decimal with two digits after the point")
        .put("examples", new JsonArray().add("1499.99"));
  }

  /** ISO-8601 with the offset of the caller's zone, e.g. {@code 2023-01-01T17:00:00+05:00}. */
  public static JsonObject dateTime() {
    return new JsonObject().put("type", "string").put("format", "date-time");
  }

  /** The schema, or null. */
  public static JsonObject nullable(JsonObject schema) {
    Object type = schema.getValue("type");
    JsonObject copy = schema.copy();
    if (type instanceof String single) {
      return copy.put("type", new JsonArray().add(single).add("null"));
    }
    return new JsonObject().put("anyOf", new JsonArray().add(schema).add(new JsonObject().put("type", "null")));
  }

  public static JsonObject arrayOf(JsonObject items) {
    return new JsonObject().put("type", "array").put("items", items);
  }

  /** An object with exactly these properties, each required (answers always carry every key). */
  public static JsonObject object(Object... namesAndSchemas) {
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
      required.add(namesAndSchemas[i]);
    }
    JsonObject schema = new JsonObject().put("type", "object").put("properties", properties)
        .put("additionalProperties", false);
    return required.isEmpty() ? schema.put("maxProperties", 0) : schema.put("required", required);
  }

  /** {@code {}}: the data of an answer that has nothing to say beyond its message. */
  public static JsonObject empty() {
    return new JsonObject().put("type", "object").put("maxProperties", 0);
  }

  /** This object with more properties, all required. */
  public static JsonObject extend(JsonObject object, Object... namesAndSchemas) {
    JsonObject more = object(namesAndSchemas);
    JsonObject copy = object.copy();
    copy.getJsonObject("properties").mergeIn(more.getJsonObject("properties"));
    copy.getJsonArray("required").addAll(more.getJsonArray("required"));
    return copy;
  }

  /** A page of a list: {@code {<list>: [...], page, per_page, total, has_more}} plus these properties. */
  public static JsonObject page(String list, JsonObject item, Object... more) {
    JsonObject page = object(list, arrayOf(item), "page", id(), "per_page", id(), "total", count(),
        "has_more", bool().put("description", "Whether a page follows this one"));
    return more.length == 0 ? page : extend(page, more);
  }

  /** A map from {@code "<id>,<name>"} to values of this schema. */
  public static JsonObject idNameMap(JsonObject values) {
    return new JsonObject().put("type", "object")
        .put("propertyNames", new JsonObject().put("pattern", "^[0-9]+,"))
        .put("additionalProperties", values)
        .put("description", "Keyed \"<id>,<name>\", in id order");
  }

  /** A described copy. */
  public static JsonObject describe(JsonObject schema, String description) {
    return schema.copy().put("description", description);
  }
}
