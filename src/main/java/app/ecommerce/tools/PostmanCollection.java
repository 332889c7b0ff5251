package app.ecommerce.tools;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a Postman v2.1 collection the smoke tour understands: requests in order (folders
 * flattened), {@code {{variables}}} with {@code $timestamp}, {@code $guid} and {@code $randomInt},
 * bearer or no auth, raw and urlencoded bodies, and test scripts made of
 * {@code pm.response.to.have.status(N)} and {@code pm.collectionVariables.set('name', pm.response.json().a.b)}
 * lines. Anything else in a script is reported, so the collection and the tour cannot silently part.
 */
final class PostmanCollection {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");
  private static final Pattern STATUS = Pattern.compile("pm\\.response\\.to\\.have\\.status\\(\\s*(\\d{3})\\s*\\)");
  private static final Pattern SET = Pattern.compile(
      "pm\\.(?:collectionVariables|environment|variables|globals)\\.set\\(\\s*['\"]([^'\"]+)['\"]\\s*,"
          + "\\s*pm\\.response\\.json\\(\\)((?:\\.[A-Za-z_$][\\w$]*|\\[\\d+])*)\\s*\\)");
  /** {@code pm.test('...', () => pm.response.to.have.status(N))}, braces and function() allowed; nothing more. */
  private static final Pattern STATUS_TEST = Pattern.compile("pm\\.test\\(\\s*(['\"]).*?\\1\\s*,\\s*"
      + "(?:\\(\\)\\s*=>|function\\s*\\(\\))\\s*\\{?\\s*pm\\.response\\.to\\.have\\.status\\(\\s*(\\d{3})\\s*\\)"
      + "\\s*;?\\s*}?\\s*\\)");

  /** One request of the collection, its variables not yet substituted. */
  record Step(String name, String method, String url, List<String[]> headers, JsonObject auth, JsonObject body,
              Integer expectedStatus, Map<String, String> captures, List<String> unsupported) {
  }

  final Map<String, String> variables = new LinkedHashMap<>();
  final JsonObject auth;
  final List<Step> steps = new ArrayList<>();

  PostmanCollection(JsonObject collection) {
    JsonArray vars = collection.getJsonArray("variable", new JsonArray());
    for (int i = 0; i < vars.size(); i++) {
      JsonObject v = vars.getJsonObject(i);
      variables.put(v.getString("key"), v.getValue("value") == null ? "" : String.valueOf(v.getValue("value")));
    }
    auth = collection.getJsonObject("auth");
    collect(collection.getJsonArray("item", new JsonArray()));
  }

  private void collect(JsonArray items) {
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      if (item.containsKey("item")) {
        collect(item.getJsonArray("item"));
      } else {
        steps.add(step(item));
      }
    }
  }

  private static Step step(JsonObject item) {
    JsonObject request = item.getJsonObject("request");
    Object url = request.getValue("url");
    String raw = url instanceof JsonObject u ? u.getString("raw") : String.valueOf(url);
    List<String[]> headers = new ArrayList<>();
    JsonArray declared = request.getJsonArray("header", new JsonArray());
    for (int i = 0; i < declared.size(); i++) {
      JsonObject h = declared.getJsonObject(i);
      if (!h.getBoolean("disabled", false)) {
        headers.add(new String[] {h.getString("key"), h.getString("value", "")});
      }
    }
    Integer status = null;
    Map<String, String> captures = new LinkedHashMap<>();
    List<String> unsupported = new ArrayList<>();
    JsonArray events = item.getJsonArray("event", new JsonArray());
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.getJsonObject(i);
      if (!"test".equals(event.getString("listen"))) {
        unsupported.add(event.getString("listen") + " script");
        continue;
      }
      Object exec = event.getJsonObject("script", new JsonObject()).getValue("exec");
      List<String> lines = new ArrayList<>();
      if (exec instanceof JsonArray array) {
        array.forEach(line -> lines.addAll(List.of(String.valueOf(line).split("\n"))));
      } else if (exec != null) {
        lines.addAll(List.of(String.valueOf(exec).split("\n")));
      }
      for (String line : lines) {
        String text = line.strip();
        if (text.endsWith(";")) {
          text = text.substring(0, text.length() - 1).strip();
        }
        Matcher test = STATUS_TEST.matcher(text);
        Matcher bare = STATUS.matcher(text);
        Matcher set = SET.matcher(text);
        if (text.isEmpty() || text.startsWith("//")) {
          continue;
        } else if (test.matches()) {
          status = Integer.parseInt(test.group(2));
        } else if (bare.matches()) {
          status = Integer.parseInt(bare.group(1));
        } else if (set.matches()) {
          captures.put(set.group(1), set.group(2));
        } else {
          unsupported.add(text);
        }
      }
    }
    return new Step(item.getString("name"), request.getString("method", "GET"), raw, headers,
        request.getJsonObject("auth"), request.getJsonObject("body"), status, captures, unsupported);
  }

  /** Replaces every {{name}}; unknown names are collected in {@code missing}, never sent as they are. */
  String substitute(String text, List<String> missing) {
    if (text == null) {
      return null;
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      switch (name) {
        case "$timestamp":
          value = String.valueOf(System.currentTimeMillis() / 1000);
          break;
        case "$guid":
        case "$randomUUID":
          value = UUID.randomUUID().toString();
          break;
        case "$randomInt":
          value = String.valueOf(ThreadLocalRandom.current().nextInt(1001));
          break;
        default:
          value = variables.get(name);
          if (value == null) {
            missing.add(name);
            value = m.group();
          }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code .data.access_token} or {@code .items[0].id} applied to a JSON value; null when absent. */
  static Object select(Object json, String path) {
    Matcher part = Pattern.compile("\\.([A-Za-z_$][\\w$]*)|\\[(\\d+)]").matcher(path);
    Object current = json;
    while (part.find() && current != null) {
      if (part.group(1) != null) {
        current = current instanceof JsonObject o ? o.getValue(part.group(1)) : null;
      } else {
        int index = Integer.parseInt(part.group(2));
        current = current instanceof JsonArray a && index < a.size() ? a.getValue(index) : null;
      }
    }
    return current;
  }
}
