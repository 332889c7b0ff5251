package app.ecommerce.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.http.input.Field;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** One Field's rules, each looked up in its JSON Schema by the keyword the document uses. */
final class FieldRules {
  private FieldRules() {
  }

  static void assertSame(String where, Field f, JsonObject schema) {
    assertSame(where, f, schema, false);
  }

  /**
   * @param text the schema of a query, header or form value, which cannot carry a JSON null: a
   *     nullable field offers none there
   */
  static void assertSame(String where, Field f, JsonObject schema, boolean text) {
    boolean nullable = f.isNullable() && !text;
    switch (f.type()) {
      case STRING -> {
        assertType(where, schema, "string", nullable);
        assertEquals(f.minLength(), schema.getInteger("minLength"), where + " minLength");
        assertEquals(f.maxLength(), schema.getInteger("maxLength"), where + " maxLength");
        if (f.pattern() == null) {
          assertNull(schema.getString("pattern"), where + " pattern");
        } else {
          // anchored at both ends of the text: (?![\s\S]) is "end of text" in Java and ECMA-262 alike
          String p = f.pattern().pattern().replaceAll("^\\^|\\$$", "");
          assertEquals("^(?:" + p + ")(?![\\s\\S])", schema.getString("pattern"), where + " pattern for " + p);
        }
        if (f.allowed() == null) {
          assertNull(schema.getJsonArray("enum"), where + " enum");
        } else {
          List<Object> expected = new ArrayList<>(f.allowed());
          if (nullable) {
            expected.add(null);
          }
          assertEquals(new HashSet<>(expected), new HashSet<>(schema.getJsonArray("enum").getList()), where + " enum");
        }
        if (f.format() == Field.Format.EMAIL) {
          assertEquals("email", schema.getString("format"), where + " format");
        }
      }
      case INTEGER -> {
        assertType(where, schema, "integer", nullable);
        assertEquals(f.min(), schema.getLong("minimum"), where + " minimum");
        assertEquals(f.max(), schema.getLong("maximum"), where + " maximum");
      }
      case BOOLEAN -> assertType(where, schema, "boolean", nullable);
      case MONEY -> {
        JsonObject number = schema.getJsonArray("anyOf").stream().map(JsonObject.class::cast)
            .filter(s -> "number".equals(s.getString("type"))).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal(String.valueOf(number.getValue("maximum"))).compareTo(f.moneyMax()), where + " maximum");
        assertEquals(0, ((Number) number.getValue("exclusiveMinimum")).intValue(), where + " exclusiveMinimum");
        assertEquals(0, new BigDecimal("0.01").compareTo(new BigDecimal(String.valueOf(number.getValue("multipleOf")))),
            where + " multipleOf");
      }
      case INTEGER_LIST -> {
        assertList(where, f, schema);
        JsonObject items = schema.getJsonObject("items");
        assertEquals("integer", items.getString("type"), where + " items");
        assertEquals(f.min(), items.getLong("minimum"), where + " items minimum");
        assertEquals(f.max(), items.getLong("maximum"), where + " items maximum");
      }
      case OBJECT_LIST -> {
        assertList(where, f, schema);
        JsonObject items = schema.getJsonObject("items");
        JsonArray required = items.getJsonArray("required", new JsonArray());
        for (Field item : f.itemFields()) {
          JsonObject itemSchema = items.getJsonObject("properties").getJsonObject(item.name());
          assertEquals(item.required(), required.contains(item.name()), where + "." + item.name() + " required");
          assertSame(where + "[]." + item.name(), item, itemSchema, text);
        }
      }
      case DATE_TIME -> {
        assertType(where, schema, "string", nullable);
        assertEquals(f.maxLength(), schema.getInteger("maxLength"), where + " maxLength");
      }
      default -> throw new AssertionError("unknown field type " + f.type());
    }
    if (!f.required() && (f.defaultValue() != null || nullable)) {
      assertEquals(new JsonArray().add(f.defaultValue()).encode(), new JsonArray().add(schema.getValue("default")).encode(),
          where + " default");
    }
  }

  private static void assertType(String where, JsonObject schema, String type, boolean nullable) {
    Object declared = schema.getValue("type");
    if (nullable) {
      assertEquals(new JsonArray().add(type).add("null"), declared, where + " type");
    } else {
      assertEquals(type, declared, where + " type");
    }
  }

  private static void assertList(String where, Field f, JsonObject schema) {
    assertType(where, schema, "array", false);
    assertEquals(f.maxItems(), schema.getInteger("maxItems"), where + " maxItems");
    Integer min = f.minItems() != null && f.minItems() > 0 ? f.minItems() : null;
    assertEquals(min, schema.getInteger("minItems"), where + " minItems");
  }
}
