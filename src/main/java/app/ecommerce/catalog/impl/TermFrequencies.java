package app.ecommerce.catalog.impl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many products have each search term (counted up to {@link ProductQuery#TERM_COUNT_CAP}),
 * as counted within the last {@link #TTL_MILLIS}: a search of several words walks its rarest
 * term (ProductRepository#rarestFirst), and counting each term read up to the cap of its rows on
 * every search, as much as the walk itself. The counts only choose the order of the walk, never
 * which products match, so a count a minute old costs at worst a slower walk. Bounded: at most
 * {@link #MAX_TERMS} terms; when full it starts again empty.
 */
final class TermFrequencies {
  static final long TTL_MILLIS = 60_000;
  static final int MAX_TERMS = 4_096;

  private record Counted(long products, long atMillis) {
  }

  private final Map<String, Counted> counts = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  TermFrequencies(LongSupplier clock) {
    this.clock = clock;
  }

  /** The term's count if counted within the last {@link #TTL_MILLIS}, else null. */
  Long fresh(String term) {
    Counted counted = counts.get(term);
    return counted == null || clock.getAsLong() - counted.atMillis() >= TTL_MILLIS ? null : counted.products();
  }

  /** The counts of these terms, just read, in the same order. */
  void remember(List<String> terms, List<Long> products) {
    if (counts.size() + terms.size() > MAX_TERMS) {
      counts.clear();
    }
    long now = clock.getAsLong();
    for (int i = 0; i < terms.size(); i++) {
      counts.put(terms.get(i), new Counted(products.get(i), now));
    }
  }
}
