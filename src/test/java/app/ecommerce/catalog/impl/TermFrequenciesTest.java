package app.ecommerce.catalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The term counts a search orders its walk by: kept a minute, bounded, never older. */
class TermFrequenciesTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final TermFrequencies frequencies = new TermFrequencies(now::get);

  @Test
  void aCountIsKeptForAMinuteThenCountedAgain() {
    assertNull(frequencies.fresh("lam"));
    frequencies.remember(List.of("lam", "oak"), List.of(8_439L, 10_000L));
    assertEquals(8_439L, frequencies.fresh("lam"));
    assertEquals(10_000L, frequencies.fresh("oak"));
    now.addAndGet(TermFrequencies.TTL_MILLIS - 1);
    assertEquals(8_439L, frequencies.fresh("lam"));
    now.incrementAndGet();
    assertNull(frequencies.fresh("lam"));
    frequencies.remember(List.of("lam"), List.of(8_500L));
    assertEquals(8_500L, frequencies.fresh("lam"));
  }

  @Test
  void whenFullItStartsAgainEmpty() {
    List<String> terms = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int i = 0; i < TermFrequencies.MAX_TERMS; i++) {
      terms.add("t" + i);
      counts.add((long) i);
    }
    frequencies.remember(terms, counts);
    assertEquals(5L, frequencies.fresh("t5"));
    frequencies.remember(List.of("new"), List.of(1L));
    assertNull(frequencies.fresh("t5"));
    assertEquals(1L, frequencies.fresh("new"));
  }
}
