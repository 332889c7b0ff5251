package app.ecommerce.ops;

import app.ecommerce.support.Api;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one operation of the OpenAPI document and, for every documented input, sends values just
 * outside each documented limit (the server must answer 422 naming that input) and values on the
 * limit (the server must not name it). Knows nothing of the Field declarations.
 */
final class LimitProbe {
  private record Case(String key, Object value, boolean violates) {
  }

  private final Api api;
  private final String token;
  private final String path;
  private final String method;
  private final JsonObject op;
  private final List<String> wrong = new ArrayList<>();

  LimitProbe(Api api, String token, String path, String method, JsonObject op) {
    this.api = api;
    this.token = token;
    this.path = path;
    this.method = method.toUpperCase(Locale.ROOT);
    this.op = op;
  }

  List<String> run() {
    for (Object o : op.getJsonArray("parameters", new JsonArray())) {
      JsonObject p = (JsonObject) o;
      if (p.containsKey("$ref")) {
        continue;
      }
      for (Case c : cases(p.getString("name"), p.getJsonObject("schema"))) {
        check(p.getString("in"), p.getString("name"), c);
      }
    }
    JsonObject body = op.getJsonObject("requestBody");
    if (body != null) {
      JsonObject properties = body.getJsonObject("content").getJsonObject("application/json")
          .getJsonObject("schema").getJsonObject("properties");
      properties.forEach(prop -> cases(prop.getKey(), (JsonObject) prop.getValue())
          .forEach(c -> check("body", prop.getKey(), c)));
    }
    return wrong;
  }

  private void check(String in, String name, Case c) {
    Api.Call call = api.call(method, path).token(token);
    try {
      switch (in) {
        case "query" -> call.query(name, text(c.value()));
        case "header" -> call.header(name, text(c.value()));
        default -> call.json(new JsonObject().put(name, c.value()));
      }
    } catch (IllegalArgumentException clientRefuses) {
      return; // a header value the HTTP client will not send
    }
    Api.Response r = call.send();
    boolean named = r.status() == 422 && r.data().fieldNames().stream()
        .anyMatch(k -> k.equals(c.key()) || k.startsWith(c.key() + "."));
    if (named != c.violates()) {
      String shown = text(c.value());
      wrong.add(method + " " + path + " " + in + " " + name + "=" + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown)
          + (c.violates() ? " should be refused under " + c.key() : " should be accepted") + ", got " + r);
    }
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof JsonArray a) {
      return a.encode();
    }
    if (value instanceof JsonObject o) {
      return o.encode();
    }
    return String.valueOf(value);
  }

  private static String type(JsonObject schema) {
    Object type = schema.getValue("type");
    return type instanceof JsonArray a ? a.getString(0) : (String) type;
  }

  private static List<Case> cases(String key, JsonObject schema) {
    List<Case> cases = new ArrayList<>();
    if (schema.containsKey("anyOf")) {
      JsonObject number = schema.getJsonArray("anyOf").stream().map(JsonObject.class::cast)
          .filter(s -> "number".equals(s.getString("type"))).findFirst().orElseThrow();
      BigDecimal max = new BigDecimal(String.valueOf(number.getValue("maximum")));
      BigDecimal step = new BigDecimal(String.valueOf(number.getValue("multipleOf")));
      cases.add(new Case(key, BigDecimal.ZERO, true));
      cases.add(new Case(key, max.add(step), true));
      cases.add(new Case(key, step.movePointLeft(1), true));
      cases.add(new Case(key, max, false));
      cases.add(new Case(key, step, false));
      cases.add(new Case(key, step.toPlainString(), false));
      return cases;
    }
    switch (type(schema)) {
      case "string" -> strings(key, schema, cases);
      case "integer" -> {
        BigInteger min = BigInteger.valueOf(schema.getLong("minimum"));
        BigInteger max = BigInteger.valueOf(schema.getLong("maximum"));
        cases.add(new Case(key, min.subtract(BigInteger.ONE), true));
        cases.add(new Case(key, max.add(BigInteger.ONE), true));
        cases.add(new Case(key, min, false));
        cases.add(new Case(key, max, false));
      }
      case "boolean" -> {
        cases.add(new Case(key, "maybe", true));
        cases.add(new Case(key, true, false));
      }
      case "array" -> arrays(key, schema, cases);
      default -> throw new AssertionError(key + ": no probe for " + schema);
    }
    return cases;
  }

  private static void strings(String key, JsonObject schema, List<Case> cases) {
    JsonArray allowed = schema.getJsonArray("enum");
    if (allowed != null) {
      cases.add(new Case(key, "not-one-of-these", true));
      allowed.stream().filter(v -> v != null).forEach(v -> cases.add(new Case(key, v, false)));
      return;
    }
    Integer min = schema.getInteger("minLength");
    Integer max = schema.getInteger("maxLength");
    Pattern pattern = schema.getString("pattern") == null ? null : Pattern.compile(schema.getString("pattern"));
    boolean formatted = schema.containsKey("format") || schema.containsKey("x-format");
    if (min != null && min > 0) {
      cases.add(new Case(key, "a".repeat(min - 1), true));
    }
    if (max != null) {
      cases.add(new Case(key, "a".repeat(max + 1), true));
    }
    if (formatted) {
      cases.add(new Case(key, "zz-not-valid-zz", true));
      schema.getJsonArray("examples", new JsonArray()).forEach(v -> cases.add(new Case(key, v, false)));
    } else {
      for (int length : new int[] {min == null ? 1 : Math.max(min, 1), max == null ? 1 : max}) {
        String value = "a".repeat(length);
        if (pattern == null || pattern.matcher(value).find()) {
          cases.add(new Case(key, value, false));
        }
      }
    }
    if (pattern != null) {
      for (String candidate : List.of("Not Valid!", "a--b", "a\tb")) {
        int length = candidate.codePointCount(0, candidate.length());
        if (!pattern.matcher(candidate).find() && (min == null || length >= min) && (max == null || length <= max)) {
          cases.add(new Case(key, candidate, true));
          break;
        }
      }
    }
  }

  private static void arrays(String key, JsonObject schema, List<Case> cases) {
    JsonObject items = schema.getJsonObject("items");
    Object sample = sample(items);
    Integer minItems = schema.getInteger("minItems");
    Integer maxItems = schema.getInteger("maxItems");
    if (minItems != null && minItems > 0) {
      cases.add(new Case(key, new JsonArray(), true));
    }
    cases.add(new Case(key, new JsonArray().add(sample), false));
    if (maxItems != null) {
      cases.add(new Case(key, new JsonArray(new ArrayList<>(Collections.nCopies(maxItems + 1, sample))), true));
      cases.add(new Case(key, new JsonArray(new ArrayList<>(Collections.nCopies(maxItems, sample))), false));
    }
    if ("object".equals(type(items))) {
      items.getJsonObject("properties").forEach(prop -> cases(prop.getKey(), (JsonObject) prop.getValue()).forEach(c -> {
        JsonObject item = ((JsonObject) sample).copy().put(prop.getKey(), c.value());
        cases.add(new Case(key + ".0." + c.key(), new JsonArray().add(item), c.violates()));
      }));
    } else {
      cases(key + ".0", items).stream().filter(Case::violates)
          .forEach(c -> cases.add(new Case(c.key(), new JsonArray().add(c.value()), true)));
    }
  }

  /** A value inside every documented limit. */
  private static Object sample(JsonObject schema) {
    if (schema.containsKey("anyOf")) {
      return "1.00";
    }
    switch (type(schema)) {
      case "integer":
        return schema.getLong("minimum", 1L);
      case "boolean":
        return true;
      case "object": {
        JsonObject object = new JsonObject();
        schema.getJsonObject("properties").forEach(p -> object.put(p.getKey(), sample((JsonObject) p.getValue())));
        return object;
      }
      default:
        JsonArray examples = schema.getJsonArray("examples");
        return examples != null ? examples.getValue(0) : "a".repeat(Math.max(1, schema.getInteger("minLength", 1)));
    }
  }
}
