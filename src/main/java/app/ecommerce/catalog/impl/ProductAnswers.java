package app.ecommerce.catalog.impl;

import app.ecommerce.catalog.impl.CatalogJson.ProductRow;
import io.vertx.core.buffer.Buffer;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * get_product's answers, already encoded, by what they are made of: the values of the product's
 * row and the caller's zone. The row is still read from the database on every request, so an
 * edit, a purchase or a restock shows on the very next read; what is reused is only the rendering
 * of a row that came back unchanged (money and three times in the zone, the JSON tree and its
 * encoding), the largest part of the service's own work per read that was left. Since the key
 * is the whole input of that rendering, a changed row is another key: nothing is ever
 * invalidated, on this node or any other, and the oldest answers simply make room for new ones.
 * Hand-written over the JDK's bounded LinkedHashMap for want of a cache that costs less than the
 * rendering it saves (docs/benchmarks.md, issue 27). Not thread-safe: one per service instance,
 * used on its own context only. The buffers it hands out are never written again.
 */
final class ProductAnswers {
  /** About 1 KB each (key and answer): a hot catalog's worth per event loop, bounded. */
  static final int MAX_ANSWERS = 1024;

  /**
   * Hashed on the row's numbers and times only: its text comes as new strings from every read,
   * whose hashes would be computed again each time; equality still compares every value.
   */
  private record Key(ProductRow row, ZoneId zone) {
    @Override
    public int hashCode() {
      long h = row.id();
      h = 31 * h + row.quantity();
      h = 31 * h + row.priceCents();
      h = 31 * h + row.updatedAt();
      h = 31 * h + row.stockUpdatedAt();
      return Long.hashCode(h) * 31 + zone.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && row.equals(key.row) && zone.equals(key.zone);
    }
  }

  private final Map<Key, Buffer> answers = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Buffer> eldest) {
      return size() > MAX_ANSWERS;
    }
  };

  /** The encoded {@code data} of get_product for this row in this zone. */
  Buffer of(ProductRow row, ZoneId zone) {
    Key key = new Key(row, zone);
    Buffer answer = answers.get(key);
    if (answer == null) {
      answer = CatalogJson.productWithInventory(row, zone).toBuffer();
      answers.put(key, answer);
    }
    return answer;
  }

  /** How many answers are kept now (tests). */
  int size() {
    return answers.size();
  }
}
