package app.ecommerce.http;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The validation outcomes of one endpoint's recent query strings, for requests whose whole input
 * is their query ({@link RequestInput#queryAlone}). Validation is a function of that text alone
 * (the endpoint's schema is fixed at start-up), so a query seen before gets the outcome it got
 * then, and vertx-json-schema, which checks an instance in several microseconds even when the
 * input is one id (docs/benchmarks.md), runs once per distinct query instead of once per request.
 * Bounded: at most {@link #MAX_ENTRIES} queries of at most {@link #MAX_QUERY_LENGTH} characters;
 * when full it starts again empty, so queries nobody repeats cost one validation each, as before.
 * Outcomes are kept unshared: each caller gets its own copy of the clean input.
 */
final class RecentQueries {
  static final int MAX_ENTRIES = 256;
  static final int MAX_QUERY_LENGTH = 256;

  /** The clean input (meaningful only without problems) and the problems, in the order found. */
  private record Outcome(JsonObject input, Map<String, String> problems) {
  }

  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

  /**
   * The outcome of {@code validation} for {@code query}: the clean input, with the problems added
   * to {@code problems}; run only when this query's outcome is not known. A validation that throws
   * (a malformed query: 400) is not remembered.
   *
   * @param validation validates the request's input, adding problems to the map it is given
   */
  JsonObject validate(String query, Function<Map<String, String>, JsonObject> validation,
                      Map<String, String> problems) {
    if (query.length() > MAX_QUERY_LENGTH) {
      return validation.apply(problems);
    }
    Outcome known = outcomes.get(query);
    if (known == null) {
      Map<String, String> found = new LinkedHashMap<>();
      JsonObject input = validation.apply(found);
      known = new Outcome(input, Collections.unmodifiableMap(found));
      if (outcomes.size() >= MAX_ENTRIES) {
        outcomes.clear();
      }
      outcomes.put(query, known);
    }
    problems.putAll(known.problems());
    return known.input().copy();
  }

  int size() {
    return outcomes.size();
  }
}
