package app.ecommerce.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memory of recent queries' validations: the first outcome, unshared, and bounded. */
class RecentQueriesTest {
  private final RecentQueries recent = new RecentQueries();
  private final AtomicInteger validations = new AtomicInteger();

  /** Counts its runs; "bad" queries get a problem, the others a clean input naming the query. */
  private JsonObject validate(String query, Map<String, String> problems) {
    return recent.validate(query, found -> {
      validations.incrementAndGet();
      if (query.startsWith("bad")) {
        found.put("page", "Input should be greater than or equal to 1");
        found.put("per_page", "Input should be less than or equal to 100");
        return new JsonObject();
      }
      return new JsonObject().put("query", query);
    }, problems);
  }

  @Test
  void aQuerySeenBeforeGetsItsFirstOutcomeWithoutValidatingAgain() {
    for (int i = 0; i < 3; i++) {
      Map<String, String> problems = new LinkedHashMap<>();
      assertEquals(new JsonObject().put("query", "page=1"), validate("page=1", problems));
      assertEquals(Map.of(), problems);
      Map<String, String> bad = new LinkedHashMap<>();
      validate("bad=1", bad);
      assertEquals(java.util.List.of("page", "per_page"), java.util.List.copyOf(bad.keySet()), "in the order found");
    }
    assertEquals(2, validations.get());
  }

  @Test
  void eachCallerGetsItsOwnCopyOfTheInput() {
    validate("page=2", new LinkedHashMap<>()).put("idempotency_key", "first caller's");
    assertEquals(new JsonObject().put("query", "page=2"), validate("page=2", new LinkedHashMap<>()));
  }

  @Test
  void aValidationThatFailsIsNotRemembered() {
    for (int i = 0; i < 2; i++) {
      assertThrows(IllegalArgumentException.class, () -> recent.validate("page=%zz", found -> {
        validations.incrementAndGet();
        throw new IllegalArgumentException("malformed");
      }, new LinkedHashMap<>()));
    }
    assertEquals(2, validations.get());
    assertEquals(0, recent.size());
  }

  @Test
  void itHoldsAtMostItsBoundAndNoLongQueries() {
    String longQuery = "q=" + "x".repeat(RecentQueries.MAX_QUERY_LENGTH);
    validate(longQuery, new LinkedHashMap<>());
    validate(longQuery, new LinkedHashMap<>());
    assertEquals(2, validations.get());
    assertEquals(0, recent.size());
    for (int i = 0; i < RecentQueries.MAX_ENTRIES * 3; i++) {
      validate("page=" + i, new LinkedHashMap<>());
      assertEquals(true, recent.size() <= RecentQueries.MAX_ENTRIES);
    }
    assertEquals(2 + RecentQueries.MAX_ENTRIES * 3, validations.get());
  }
}
