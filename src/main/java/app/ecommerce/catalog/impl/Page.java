package app.ecommerce.catalog.impl;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Validated pagination input and the ORDER BY it selects from a repository's allow-list. */
record Page(long page, long perPage, String orderBy, boolean descending) {

  /** {@code order_by} may be absent (null) where the endpoint has an order of its own. */
  static Page from(JsonObject in) {
    return new Page(in.getLong("page"), in.getLong("per_page"), in.getString("order_by"),
        "desc".equals(in.getString("order")));
  }

  long offset() {
    return (page - 1) * perPage;
  }

  /**
   * {@code ORDER BY <column> <dir>, <tie-breaker> <dir>}. The column comes from the allow-list
   * only; input never reaches the SQL text. Without an {@code order_by}, the tie-breaker alone.
   */
  String orderBy(Map<String, String> allowList, String tieBreaker) {
    String column = orderBy == null ? tieBreaker : allowList.get(orderBy);
    if (column == null) {
      throw new IllegalArgumentException("order_by not in allow-list: " + orderBy);
    }
    String dir = descending ? " DESC" : " ASC";
    return " ORDER BY " + column + dir + (column.equals(tieBreaker) ? "" : ", " + tieBreaker + dir);
  }

  /** The list's paging fields; {@code has_more} says whether a later page has rows. */
  JsonObject meta(long total) {
    return new JsonObject().put("page", page).put("per_page", perPage).put("total", total)
        .put("has_more", page * perPage < total);
  }
}
