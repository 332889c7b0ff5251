package app.ecommerce.catalog.impl;

import app.ecommerce.catalog.ProductCursor;
import app.ecommerce.catalog.ProductSearch;
import app.ecommerce.db.Dialect;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one get_products page and of its {@code total}, built from the request's filter,
 * order and cursor. A page is read in two steps: the ids of the page, in the order's own index
 * (each ends with the id, so the order is total and a keyset cursor seeks straight to its place),
 * then the full rows of those ids only. Skipped rows of a deep offset so cost an index entry each,
 * never a product row, its category and its stock. {@code total} counts at most
 * {@link #COUNT_CAP} + 1 matches.
 */
final class ProductQuery {
  /** Counting stops past this many; {@code total} is then this number and {@code total_capped} true. */
  static final long COUNT_CAP = PurchaseHistoryRepository.COUNT_CAP;
  static final String COLUMNS = "p.id, p.product_name, p.description, p.category_id, p.price_cents,"
      + " p.is_active, p.created_at, p.updated_at, i.quantity, i.updated_at AS stock_updated_at,"
      + " c.category_name, c.category_slug";
  /**
   * Outer joins, although every product has its category (a NOT NULL foreign key) and its stock
   * row (inserted with it, by every writer), so they match exactly what inner joins would. They
   * pin the join order to products first: with inner joins MariaDB started from the smaller
   * categories table and sorted each page in a temporary table.
   */
  static final String JOINS = " LEFT JOIN categories c ON c.id = p.category_id"
      + " LEFT JOIN inventories i ON i.product_id = p.id";
  static final String WHERE_TRUE = " WHERE 1 = 1";
  static final String AND_ACTIVE = " AND p.is_active = 1";
  static final String AND_CATEGORY_IN = " AND p.category_id IN ";
  static final String AND_PRICE_AT_LEAST = " AND p.price_cents >= ?";
  static final String AND_PRICE_AT_MOST = " AND p.price_cents <= ?";
  static final String AND_IN_STOCK = " AND i.quantity > 0";
  static final String AND_STOCK_AT_MOST = " AND i.quantity <= ?";
  /** A word of q with more than letters and digits: it must also start a word of the text (see ProductSearch). */
  static final String AND_TEXT_LIKE = " AND p.search_text LIKE ? ESCAPE '" + ProductSearch.ESCAPE + "'";
  /** A prefix of q shorter than a term in the name's words: the first group of relevance. */
  static final String NAME_LIKE = "p.name_words LIKE ? ESCAPE '" + ProductSearch.ESCAPE + "'";
  /**
   * search_terms (V32_7): the first table holds the matches' ids in order ({@code t0}), every
   * further term of q is one primary-key look-up ({@code t1}, ...), then the product.
   */
  static final String TERMS_FIRST = "search_terms t0";
  static final String TERMS_NEXT = "search_terms t%1$d ON t%1$d.term = ? AND t%1$d.product_id = t0.product_id";
  static final String TERMS_PRODUCT = "products p%s ON p.id = t0.product_id";
  static final String AND_FIRST_TERM = " AND t0.term = ?";
  /**
   * A term of q looked up per product, for a page that walks its order's index instead (see
   * {@link #page}): a join, not EXISTS, which MariaDB turns into a semi-join driven by the terms
   * and a sort of all matches, far slower for a common word at a million products
   * (docs/benchmarks.md, issue 32).
   */
  static final String TERM_OF_PRODUCT = "search_terms t%1$d ON t%1$d.term = ? AND t%1$d.product_id = p.id";
  /** A prefix of q longer than its term: one of the words listed under the term starts with it. */
  static final String WORDS_OF_TERM = "t%d.words LIKE ?";
  /** The relevance group of a prefix of q: its term in the name at all, or a name word starting with a longer prefix. */
  static final String TERM_IN_NAME = "t%d.names <> ','";
  static final String NAMES_OF_TERM = "t%d.names LIKE ?";
  /** A prefix of q shorter than a term: it must start a word of search_words. */
  static final String AND_WORDS_LIKE = " AND p.search_words LIKE ? ESCAPE '" + ProductSearch.ESCAPE + "'";
  static final String PAGE = " LIMIT ? OFFSET ?";
  /** The column of {@link #counted}'s rows that holds the capped count of the search's matches. */
  static final String TOTAL = "total";
  /**
   * {@link #counted}: the matches' first COUNT_CAP + 1 in the walk's order ({@code m}), counted by
   * a window over them ({@code w}) before the cursor and the page cut them.
   */
  static final String COUNTED_PREFIX = "SELECT w.id, w.sort_key, w." + TOTAL + " FROM (SELECT m.id, m.sort_key,"
      + " COUNT(*) OVER () AS " + TOTAL + " FROM (";
  static final String COUNTED_SUFFIX = " LIMIT " + (COUNT_CAP + 1) + ") m) w WHERE 1 = 1";
  static final String COUNT_PREFIX = "SELECT COUNT(*) FROM (SELECT 1 FROM ";
  static final String COUNT_SUFFIX = " LIMIT " + (COUNT_CAP + 1) + ") capped";
  /** Past this many products a term is common enough for the order of a search's terms. */
  static final int TERM_COUNT_CAP = 100_000;
  static final String TERM_COUNT = "(SELECT COUNT(*) FROM (SELECT 1 FROM search_terms WHERE term = ? LIMIT "
      + TERM_COUNT_CAP + ") c)";
  /** The sort column of each allowed order_by, and the id column that breaks its ties. */
  static final Map<String, String> COLUMN = Map.of(
      "id", "p.id", "product_name", "p.product_name", "price", "p.price_cents", "quantity", "i.quantity",
      "created_at", "p.created_at");

  private final Dialect dialect;

  ProductQuery(Dialect dialect) {
    this.dialect = dialect;
  }

  /** SQL and parameters of one statement. */
  record Sql(String text, Tuple params) {
  }

  /**
   * One page: {@code limit} rows in {@code orderBy} ({@code null}: relevance, for a search), from
   * the page's offset or right after the cursor. A search is read here when its matches are more
   * than the count's cap ({@link #counted} reads the page of fewer): in id order it walks its
   * first term, in another order it walks the order's index and tests each product for the
   * search's terms, which stops after the page's rows when matches are many and would read the
   * whole index when they are few.
   */
  Sql page(ProductFilter filter, String orderBy, boolean descending, ProductCursor after, long limit, long offset) {
    boolean search = !filter.prefixes().isEmpty();
    if (orderBy == null && search) {
      return ranked(filter, limit, offset);
    }
    boolean walk = search && !"id".equals(orderBy);
    Tuple params = Tuple.tuple();
    String order = orderBy == null ? "id" : orderBy;
    boolean byStock = "quantity".equals(order);

    StringBuilder keys = new StringBuilder("SELECT p.id");
    keys.append(" FROM ").append(from(filter, search && !walk, byStock, filter.inStock() || byStock, params));
    if (walk) {
      List<String> terms = filter.terms();
      for (int i = 0; i < terms.size(); i++) {
        keys.append(dialect.straightJoin()).append(String.format(TERM_OF_PRODUCT, i));
        params.addString(terms.get(i));
      }
    }
    keys.append(where(filter, search, walk, params));
    String dir = descending ? " DESC" : " ASC";
    String column = COLUMN.get(order);
    String tie = byStock ? "i.product_id" : "p.id";
    if (after != null) {
      keys.append(keyset(order, column, tie, descending, after, params));
    }
    String innerOrder;
    String outerOrder;
    if ("id".equals(order)) {
      outerOrder = " ORDER BY p.id" + dir;
      innerOrder = search && !walk ? " ORDER BY " + matchId(filter) + dir : outerOrder;
    } else {
      innerOrder = " ORDER BY " + column + dir + ", " + tie + dir;
      outerOrder = " ORDER BY " + column + dir + ", p.id" + dir;
    }
    keys.append(innerOrder).append(PAGE);
    params.addLong(limit).addLong(offset);
    return new Sql("SELECT " + COLUMNS + " FROM (" + keys + ") k" + dialect.straightJoin() + "products p ON p.id = k.id"
        + JOINS + outerOrder, params);
  }

  /**
   * A search's page read from its first {@link #COUNT_CAP} + 1 matches, with their number beside
   * each row ({@code total}, {@code COUNT(*) OVER ()} of the capped walk): one walk through
   * search_terms gives both the page and the count. That number decides whether the page stands:
   * no more than the cap, and the walk held every match, so the page is exact; past it, matches
   * are many and the caller reads the page again with {@link #page}. In
   * {@code orderBy} ({@code null}: relevance), from the page's offset or right after the cursor,
   * which filters the counted matches and not the count.
   */
  Sql counted(ProductFilter filter, String orderBy, boolean descending, ProductCursor after, long limit, long offset) {
    Tuple params = Tuple.tuple();
    // the select list's parameters (the relevance group's) come before the walk's
    String sortKey = orderBy == null ? inName(filter, params) : COLUMN.get(orderBy);
    StringBuilder keys = new StringBuilder(COUNTED_PREFIX).append("SELECT p.id AS id, ").append(sortKey)
        .append(" AS sort_key FROM ").append(from(filter, true, false, filter.inStock() || "quantity".equals(orderBy), params))
        .append(where(filter, true, false, params)).append(" ORDER BY ").append(matchId(filter))
        .append(COUNTED_SUFFIX);
    String dir = descending ? " DESC" : " ASC";
    String outerOrder;
    if (orderBy == null) {
      keys.append(" ORDER BY w.sort_key DESC, w.id ASC");
      outerOrder = " ORDER BY k.sort_key DESC, p.id ASC";
    } else {
      if (after != null) {
        keys.append(keyset(orderBy, "w.sort_key", "w.id", descending, after, params));
      }
      keys.append(" ORDER BY w.sort_key").append(dir).append(", w.id").append(dir);
      outerOrder = " ORDER BY " + COLUMN.get(orderBy) + dir + ", p.id" + dir;
    }
    keys.append(PAGE);
    params.addLong(limit).addLong(offset);
    return new Sql("SELECT " + COLUMNS + ", k." + TOTAL + " FROM (" + keys + ") k" + dialect.straightJoin()
        + "products p ON p.id = k.id" + JOINS + outerOrder, params);
  }

  /**
   * A search of many matches by relevance (API.md §5, docs/decisions.md): first the matches with a
   * word of {@code q} in their name ({@code r} = 1), then those found through their description
   * only ({@code r} = 0), each group by id, and each its own walk through search_terms in id
   * order, cut at the rows the page needs, so a common word costs a page's worth of matches
   * instead of all of them. Few matches are read once, each with its group, and sorted
   * ({@link #counted}).
   */
  private Sql ranked(ProductFilter filter, long limit, long offset) {
    Tuple params = Tuple.tuple();
    StringBuilder keys = new StringBuilder();
    keys.append("SELECT id, r FROM (").append(group(filter, true, offset + limit, params))
        .append(") named UNION ALL SELECT id, r FROM (").append(group(filter, false, offset + limit, params))
        .append(") described ORDER BY r DESC, id ASC");
    keys.append(PAGE);
    params.addLong(limit).addLong(offset);
    return new Sql("SELECT " + COLUMNS + " FROM (" + keys + ") k" + dialect.straightJoin() + "products p ON p.id = k.id"
        + JOINS + " ORDER BY k.r DESC, p.id ASC", params);
  }

  /** One group of relevance, its first {@code rows} matches in id order (see {@link #ranked}). */
  private String group(ProductFilter filter, boolean named, long rows, Tuple params) {
    StringBuilder sql = new StringBuilder("SELECT p.id AS id, ").append(named ? 1 : 0).append(" AS r FROM ")
        .append(from(filter, true, false, filter.inStock(), params)).append(where(filter, true, false, params))
        .append(named ? " AND " : " AND NOT ").append(inName(filter, params))
        .append(" ORDER BY ").append(matchId(filter)).append(" LIMIT ?");
    params.addLong(rows);
    return sql.toString();
  }

  /**
   * Whether the name's words hold one of the prefixes of q: decided on the terms' rows (their
   * {@code names}) where a prefix has a term, on the product's row where it is shorter.
   */
  private static String inName(ProductFilter filter, Tuple params) {
    StringBuilder sql = new StringBuilder("(");
    List<String> prefixes = filter.prefixes();
    List<String> terms = filter.terms();
    for (int i = 0; i < prefixes.size(); i++) {
      String prefix = prefixes.get(i);
      String term = ProductSearch.term(prefix);
      sql.append(i == 0 ? "" : " OR ");
      if (term == null) {
        sql.append(NAME_LIKE);
        params.addString(ProductSearch.likePattern(prefix));
      } else if (ProductSearch.isTerm(prefix)) {
        sql.append(String.format(TERM_IN_NAME, terms.indexOf(term)));
      } else {
        sql.append(String.format(NAMES_OF_TERM, terms.indexOf(term)));
        params.addString(listed(prefix));
      }
    }
    return sql.append(')').toString();
  }

  /** The column that gives a search's matches in id order: the first term's, else (no term) the product's. */
  private static String matchId(ProductFilter filter) {
    return filter.terms().isEmpty() ? "p.id" : "t0.product_id";
  }

  /** How many products match, counted up to COUNT_CAP + 1. */
  Sql count(ProductFilter filter) {
    Tuple params = Tuple.tuple();
    boolean search = !filter.prefixes().isEmpty();
    String from = from(filter, search, false, filter.inStock(), params);
    return new Sql(COUNT_PREFIX + from + where(filter, search, false, params) + COUNT_SUFFIX, params);
  }

  /**
   * How many products have each term, each counted up to {@link #TERM_COUNT_CAP}, in one
   * statement: a search walks its rarest term and looks the others up (ProductRepository#rarestFirst).
   */
  Sql termCounts(List<String> terms) {
    Tuple params = Tuple.tuple();
    terms.forEach(params::addString);
    return new Sql("SELECT " + String.join(", ", Collections.nCopies(terms.size(), TERM_COUNT)), params);
  }

  /** get_low_stock_products: active products with stock at most the threshold, lowest first, then by id. */
  Sql lowStock(long threshold, long limit, long offset) {
    String keys = "SELECT p.id FROM inventories i" + dialect.straightJoin() + "products p ON p.id = i.product_id"
        + WHERE_TRUE + AND_ACTIVE + AND_STOCK_AT_MOST + " ORDER BY i.quantity ASC, i.product_id ASC" + PAGE;
    return new Sql("SELECT " + COLUMNS + " FROM (" + keys + ") k" + dialect.straightJoin() + "products p ON p.id = k.id"
        + JOINS + " ORDER BY i.quantity ASC, p.id ASC", Tuple.of(threshold, limit, offset));
  }

  Sql lowStockCount(long threshold) {
    return new Sql(COUNT_PREFIX + "inventories i" + dialect.straightJoin() + "products p ON p.id = i.product_id"
        + WHERE_TRUE + AND_ACTIVE + AND_STOCK_AT_MOST + COUNT_SUFFIX, Tuple.of(threshold));
  }

  /**
   * The tables of the id step, joined in the order that walks the sort's index: the search's
   * matches first; else inventories first when sorting by stock; else products.
   */
  private String from(ProductFilter filter, boolean search, boolean byStock, boolean withStock, Tuple params) {
    String stock = withStock ? dialect.straightJoin() + "inventories i ON i.product_id = p.id" : "";
    if (search) {
      List<String> terms = filter.terms();
      if (terms.isEmpty()) {
        return "products p" + stock;
      }
      StringBuilder from = new StringBuilder(TERMS_FIRST);
      for (int i = 1; i < terms.size(); i++) {
        from.append(dialect.straightJoin()).append(String.format(TERMS_NEXT, i));
        params.addString(terms.get(i));
      }
      // the product's own columns are read only for a word shorter than a term or one with punctuation
      boolean byIdAlone = filter.prefixes().stream().allMatch(prefix -> ProductSearch.term(prefix) != null)
          && filter.textPatterns().isEmpty();
      return from.append(dialect.straightJoin()).append(String.format(TERMS_PRODUCT, byIdAlone ? dialect.productsById() : ""))
          .append(stock).toString();
    }
    if (byStock) {
      return "inventories i" + dialect.straightJoin() + "products p ON p.id = i.product_id";
    }
    return "products p" + stock;
  }

  /**
   * The filter's conditions; a search's terms are joined to the products after them when
   * {@code tested} (see {@link #page}), else before them, the first one walked in id order.
   */
  private String where(ProductFilter filter, boolean search, boolean tested, Tuple params) {
    StringBuilder where = new StringBuilder(WHERE_TRUE);
    if (search) {
      List<String> terms = filter.terms();
      if (!tested && !terms.isEmpty()) {
        where.append(AND_FIRST_TERM);
        params.addString(terms.get(0));
      }
      for (int i = 0; i < terms.size(); i++) {
        for (String prefix : longer(filter.prefixes(), terms.get(i))) {
          where.append(" AND ").append(String.format(WORDS_OF_TERM, i));
          params.addString(listed(prefix));
        }
      }
      for (String prefix : filter.prefixes()) {
        if (ProductSearch.term(prefix) == null) {
          where.append(AND_WORDS_LIKE);
          params.addString(ProductSearch.likePattern(prefix));
        }
      }
    }
    if (!filter.includeInactive()) {
      where.append(AND_ACTIVE);
    }
    JsonArray categoryIds = filter.categoryIds();
    if (!categoryIds.isEmpty()) {
      where.append(AND_CATEGORY_IN).append('(').append(String.join(", ", Collections.nCopies(categoryIds.size(), "?")))
          .append(')');
      categoryIds.forEach(id -> params.addLong(((Number) id).longValue()));
    }
    if (filter.minPriceCents() != null) {
      where.append(AND_PRICE_AT_LEAST);
      params.addLong(filter.minPriceCents());
    }
    if (filter.maxPriceCents() != null) {
      where.append(AND_PRICE_AT_MOST);
      params.addLong(filter.maxPriceCents());
    }
    if (filter.inStock()) {
      where.append(AND_IN_STOCK);
    }
    for (String pattern : filter.textPatterns()) {
      where.append(AND_TEXT_LIKE);
      params.addString(pattern);
    }
    return where.toString();
  }

  /** The prefixes of q with this term that are longer than it (checked against the term's words). */
  private static List<String> longer(List<String> prefixes, String term) {
    return prefixes.stream().filter(p -> term.equals(ProductSearch.term(p)) && !ProductSearch.isTerm(p)).toList();
  }

  /** The pattern of a term's word list (",lamp,lamps,") for a word starting with the prefix (letters and digits only). */
  private static String listed(String prefix) {
    return "%," + prefix + "%";
  }

  /**
   * Strictly after the cursor's product in the page's order: {@code (column, id)} past the
   * cursor's, written so that both engines seek the index range on the column ({@code tie} alone
   * in id order).
   */
  private static String keyset(String order, String column, String tie, boolean descending, ProductCursor after,
                                Tuple params) {
    String past = descending ? " < ?" : " > ?";
    if ("id".equals(order)) {
      params.addLong(after.id());
      return " AND " + tie + past;
    }
    Object key = "product_name".equals(order) ? after.key() : (Object) after.numericKey();
    params.addValue(key).addValue(key).addLong(after.id());
    return " AND " + column + (descending ? " <= ?" : " >= ?") + " AND (" + column + past + " OR " + tie + past + ")";
  }
}
