package app.ecommerce.catalog.impl;

import app.ecommerce.catalog.ProductSearch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What get_products selects: categories (none = all), price bounds in cents, only in stock, the
 * search ({@code prefixes} for the full-text index, {@code textPatterns} for the words of
 * {@code q} that hold more than letters and digits; every one must match), and whether inactive
 * products are included (admins who ask only). {@code terms} are the distinct search_terms keys of
 * the prefixes, in their order ({@link ProductSearch#terms}): every statement of a search needs them.
 */
record ProductFilter(JsonArray categoryIds, Long minPriceCents, Long maxPriceCents, boolean inStock,
                     List<String> prefixes, List<String> textPatterns, boolean includeInactive, List<String> terms) {

  ProductFilter(JsonArray categoryIds, Long minPriceCents, Long maxPriceCents, boolean inStock,
                List<String> prefixes, List<String> textPatterns, boolean includeInactive) {
    this(categoryIds, minPriceCents, maxPriceCents, inStock, prefixes, textPatterns, includeInactive,
        ProductSearch.terms(prefixes));
  }

  /** The same filter with its prefixes in another order (the order a search walks their terms). */
  ProductFilter withPrefixes(List<String> ordered) {
    return new ProductFilter(categoryIds, minPriceCents, maxPriceCents, inStock, ordered, textPatterns, includeInactive);
  }

  static ProductFilter from(JsonObject in, boolean admin) {
    String q = in.getString("q");
    List<String> words = q == null ? List.of() : ProductSearch.words(q);
    return new ProductFilter(in.getJsonArray("category_ids"), in.getLong("min_price"), in.getLong("max_price"),
        Boolean.TRUE.equals(in.getBoolean("in_stock")), ProductSearch.prefixes(words),
        words.stream().filter(ProductSearch::needsText).map(ProductSearch::likePattern).toList(),
        admin && in.getBoolean("include_inactive"));
  }
}
