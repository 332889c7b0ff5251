package app.ecommerce.catalog.impl;

import app.ecommerce.catalog.ProductCursor;
import app.ecommerce.catalog.ProductSearch;
import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The products table, always read together with its category and its stock. */
final class ProductRepository {
  static final String SELECT = "SELECT " + ProductQuery.COLUMNS + " FROM products p" + ProductQuery.JOINS;
  /**
   * One product's query in its two forms, built once: the MySQL client finds its prepared
   * statement by the SQL text, and a text concatenated per request had its hash computed anew
   * every time.
   */
  static final String FIND_ACTIVE = SELECT + " WHERE p.id = ? AND p.is_active = 1";
  static final String FIND_ANY = SELECT + " WHERE p.id = ?";
  static final String INSERT = "INSERT INTO products (product_name, description, category_id, price_cents, is_active,"
      + " created_at, updated_at, search_text, search_words, name_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_INVENTORY = "INSERT INTO inventories (product_id, quantity, updated_at) VALUES (?, 0, ?)";
  /** The columns an edit may change, read under a lock so that the merge with the sent fields is exact. */
  static final String LOCK_EDITABLE = "SELECT product_name, description, category_id, price_cents, is_active"
      + " FROM products WHERE id = ?";
  static final String UPDATE = "UPDATE products SET product_name = ?, description = ?, category_id = ?, price_cents = ?,"
      + " is_active = ?, updated_at = ?, search_text = ?, search_words = ?, name_words = ? WHERE id = ?";

  private final Database db;
  private final ProductQuery query;
  private final boolean mysql;
  private final TermFrequencies frequencies = new TermFrequencies(System::currentTimeMillis);

  ProductRepository(Database db) {
    this.db = db;
    this.query = new ProductQuery(db.dialect());
    this.mysql = db.dialect().name().equals("mysql");
  }

  /**
   * One page of products matching the filter, in {@code orderBy} or, for a search without one, by
   * relevance; {@code limit} rows from the page's offset, or right after the cursor. A search read
   * here has more matches than the count's cap (see {@link ProductQuery#page}).
   */
  Future<RowSet<Row>> page(Page page, ProductFilter filter, ProductCursor after, long limit) {
    long offset = after == null ? page.offset() : 0L;
    return pageOf(query.page(filter, page.orderBy(), page.descending(), after, limit, offset), offset);
  }

  /**
   * A search's page and the capped count of its matches, from one walk ({@link ProductQuery#counted}):
   * each row holds the count in {@link ProductQuery#TOTAL}; past {@link ProductQuery#COUNT_CAP}
   * the page is not the search's (read it with {@link #page}), and no row says
   * nothing of the count.
   */
  Future<RowSet<Row>> pageCounted(Page page, ProductFilter filter, ProductCursor after, long limit) {
    long offset = after == null ? page.offset() : 0L;
    return pageOf(query.counted(filter, page.orderBy(), page.descending(), after, limit, offset), offset);
  }

  /** A page's statement run: prepared for this execution alone when it has an offset on MariaDB ({@link #once}). */
  private Future<RowSet<Row>> pageOf(ProductQuery.Sql sql, long offset) {
    return offset > 0 && mysql ? once(sql) : db.pool().preparedQuery(sql.text()).execute(sql.params());
  }

  /**
   * The statement prepared for this execution alone. MariaDB (10.11) plans a cached prepared
   * statement's later executions of a page with an offset differently from its first: at
   * 1,000,000 products page=5000 by price took 17 s from the second execution on against 0.17 s
   * for the first (docs/benchmarks.md). A deep {@code page} costs one more round trip instead;
   * first pages and cursor pages, which plan well, keep the client's statement cache.
   */
  private Future<RowSet<Row>> once(ProductQuery.Sql sql) {
    return db.pool().withConnection(conn -> conn.prepare(sql.text()).compose(statement ->
        statement.query().execute(sql.params()).eventually(statement::close)));
  }

  /**
   * The filter with the prefixes of its search in the order of their terms' frequency, rarest
   * first (unknown order past ProductQuery#TERM_COUNT_CAP; prefixes without a term last): a
   * search walks its first term's products and looks the others up, so that a rare word of
   * {@code q} bounds the walk. Searches of two terms or more only; the terms not counted within
   * the last minute ({@link TermFrequencies}) are counted in one statement.
   */
  Future<ProductFilter> rarestFirst(ProductFilter filter) {
    List<String> terms = filter.terms();
    if (terms.size() < 2) {
      return Future.succeededFuture(filter);
    }
    Map<String, Long> byTerm = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String term : terms) {
      Long known = frequencies.fresh(term);
      if (known == null) {
        unknown.add(term);
      } else {
        byTerm.put(term, known);
      }
    }
    Future<Map<String, Long>> counted = Future.succeededFuture(byTerm);
    if (!unknown.isEmpty()) {
      ProductQuery.Sql sql = query.termCounts(unknown);
      counted = db.pool().preparedQuery(sql.text()).execute(sql.params()).map(rows -> {
        Row counts = rows.iterator().next();
        List<Long> read = new ArrayList<>();
        for (int i = 0; i < unknown.size(); i++) {
          read.add(counts.getLong(i));
          byTerm.put(unknown.get(i), counts.getLong(i));
        }
        frequencies.remember(unknown, read);
        return byTerm;
      });
    }
    return counted.map(counts -> filter.withPrefixes(filter.prefixes().stream().sorted(Comparator.comparingLong(
        prefix -> counts.getOrDefault(ProductSearch.term(prefix), Long.MAX_VALUE))).toList()));
  }

  /** How many products match, up to {@link ProductQuery#COUNT_CAP} + 1. */
  Future<Long> count(ProductFilter filter) {
    return count(query.count(filter));
  }

  Future<Row> find(long id, boolean includeInactive) {
    return find(db.pool(), id, includeInactive);
  }

  /** The same read through a given client: a write's transaction reads what it just wrote. */
  Future<Row> find(SqlClient client, long id, boolean includeInactive) {
    return client.preparedQuery(includeInactive ? FIND_ANY : FIND_ACTIVE).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  Future<RowSet<Row>> lowStock(long threshold, Page page) {
    ProductQuery.Sql sql = query.lowStock(threshold, page.perPage(), page.offset());
    return db.pool().preparedQuery(sql.text()).execute(sql.params());
  }

  Future<Long> lowStockCount(long threshold) {
    return count(query.lowStockCount(threshold));
  }

  private Future<Long> count(ProductQuery.Sql sql) {
    return db.pool().preparedQuery(sql.text()).execute(sql.params()).map(rows -> rows.iterator().next().getLong(0));
  }

  /** The editable columns of a product, locked until the transaction ends; null when there is no such product. */
  Future<Row> lockEditable(SqlClient tx, long id) {
    return tx.preparedQuery(LOCK_EDITABLE + db.dialect().forUpdate()).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  /** Writes every editable column and the search text they make. */
  Future<Void> update(SqlClient tx, long id, String name, String description, long categoryId, long priceCents,
                      boolean active, long now) {
    return tx.preparedQuery(UPDATE).execute(Tuple.of(name, description, categoryId, priceCents, active ? 1 : 0, now)
        .addString(ProductSearch.stored(name, description)).addString(ProductSearch.indexed(name, description))
        .addString(ProductSearch.indexed(name)).addLong(id))
        .mapEmpty();
  }

  /** Inserts the product and its (empty) stock row; run inside the caller's transaction. */
  Future<Long> insert(SqlClient tx, String name, String description, long categoryId, long priceCents,
                      boolean active, long now) {
    return db.dialect().insertReturningId(tx, INSERT,
            Tuple.of(name, description, categoryId, priceCents, active ? 1 : 0, now, now)
                .addString(ProductSearch.stored(name, description)).addString(ProductSearch.indexed(name, description))
                .addString(ProductSearch.indexed(name)))
        .compose(id -> tx.preparedQuery(INSERT_INVENTORY).execute(Tuple.of(id, now)).map(id));
  }
}
