package app.ecommerce.catalog.impl;

import app.ecommerce.catalog.ProductSearch;
import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.Map;

/** The products table, always read together with its category and its stock. */
final class ProductRepository {
  /**
   * Outer joins, although every product has its category (a NOT NULL foreign key) and its stock
   * row (inserted with it, by every writer: the API, demo data, the legacy import), so they match
   * exactly what inner joins would. They pin the join order to products first: with inner joins
   * MariaDB started from the smaller categories table and sorted each page, description TEXT and
   * all, in a temporary table (twice the database CPU of walking products in key order).
   */
  static final String SELECT = "SELECT p.id, p.product_name, p.description, p.category_id, p.price_cents,"
      + " p.is_active, p.created_at, p.updated_at, i.quantity, i.updated_at AS stock_updated_at,"
      + " c.category_name, c.category_slug"
      + " FROM products p LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN inventories i ON i.product_id = p.id";
  static final String COUNT = "SELECT COUNT(*) FROM products p";
  static final String WHERE_TRUE = " WHERE 1 = 1";
  static final String AND_ACTIVE = " AND p.is_active = 1";
  static final String AND_CATEGORY_IN = " AND p.category_id IN ";
  static final String AND_ID = " AND p.id = ?";
  static final String AND_ID_AFTER = " AND p.id > ?";
  static final String AND_ID_BEFORE = " AND p.id < ?";
  static final String AND_STOCK_AT_MOST = " AND i.quantity <= ?";
  static final String AND_PRICE_AT_LEAST = " AND p.price_cents >= ?";
  static final String AND_PRICE_AT_MOST = " AND p.price_cents <= ?";
  static final String AND_IN_STOCK = " AND i.quantity > 0";
  /** One per word of q: the word starts a word of the name or the description (see ProductSearch). */
  static final String AND_TEXT_LIKE = " AND p.search_text LIKE ? ESCAPE '" + ProductSearch.ESCAPE + "'";
  /** Relevance: one point per word of q that starts a word of the name, summed; the text matched already. */
  static final String NAME_POINT = "CASE WHEN p.search_name LIKE ? ESCAPE '" + ProductSearch.ESCAPE + "' THEN 1 ELSE 0 END";
  /** COUNT needs the stock row only when in_stock filters on it. */
  static final String COUNT_WITH_STOCK = "SELECT COUNT(*) FROM products p LEFT JOIN inventories i ON i.product_id = p.id";
  static final String LOW_STOCK_ORDER = " ORDER BY i.quantity ASC, p.id ASC";
  static final String LOW_STOCK_COUNT = "SELECT COUNT(*) FROM products p LEFT JOIN inventories i ON i.product_id = p.id"
      + WHERE_TRUE + AND_ACTIVE + AND_STOCK_AT_MOST;
  static final String PAGE = " LIMIT ? OFFSET ?";
  /**
   * One product's query in its two forms, built once: the MySQL client finds its prepared
   * statement by the SQL text, and a text concatenated per request had its hash computed anew
   * every time.
   */
  static final String FIND_ACTIVE = SELECT + WHERE_TRUE + AND_ID + AND_ACTIVE;
  static final String FIND_ANY = SELECT + WHERE_TRUE + AND_ID;
  static final String INSERT = "INSERT INTO products (product_name, description, category_id, price_cents, is_active,"
      + " created_at, updated_at, search_name, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_INVENTORY = "INSERT INTO inventories (product_id, quantity, updated_at) VALUES (?, 0, ?)";
  /** The columns an edit may change, read under a lock so that the merge with the sent fields is exact. */
  static final String LOCK_EDITABLE = "SELECT product_name, description, category_id, price_cents, is_active"
      + " FROM products WHERE id = ?";
  static final String UPDATE = "UPDATE products SET product_name = ?, description = ?, category_id = ?, price_cents = ?,"
      + " is_active = ?, updated_at = ?, search_name = ?, search_text = ? WHERE id = ?";
  static final Map<String, String> ORDER_BY = Map.of(
      "id", "p.id", "product_name", "p.product_name", "price", "p.price_cents", "quantity", "i.quantity",
      "created_at", "p.created_at");

  private final Database db;

  ProductRepository(Database db) {
    this.db = db;
  }

  /**
   * One page of products matching the filter, in the page's order or, for a search without one, by
   * relevance; {@code limit} rows from the page's offset, or from just after {@code afterId} in id
   * order (the primary key: constant cost at any depth).
   */
  Future<RowSet<Row>> page(Page page, ProductFilter filter, Long afterId, long limit) {
    Tuple params = Tuple.tuple();
    String where = filters(filter, params);
    if (afterId != null) {
      where += page.descending() ? AND_ID_BEFORE : AND_ID_AFTER;
      params.addLong(afterId);
    }
    String order;
    if (page.orderBy() == null && !filter.words().isEmpty()) {
      StringBuilder rank = new StringBuilder(" ORDER BY (");
      for (int i = 0; i < filter.words().size(); i++) {
        rank.append(i == 0 ? "" : " + ").append(NAME_POINT);
        params.addString(ProductSearch.likePattern(filter.words().get(i)));
      }
      order = rank.append(") DESC, p.id ASC").toString();
    } else {
      order = page.orderBy(ORDER_BY, "p.id");
    }
    params.addLong(limit).addLong(afterId == null ? page.offset() : 0L);
    return db.pool().preparedQuery(SELECT + where + order + PAGE).execute(params);
  }

  Future<Long> count(ProductFilter filter) {
    Tuple params = Tuple.tuple();
    String where = filters(filter, params);
    return db.pool().preparedQuery((filter.inStock() ? COUNT_WITH_STOCK : COUNT) + where).execute(params)
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static String filters(ProductFilter filter, Tuple params) {
    StringBuilder where = new StringBuilder(WHERE_TRUE);
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
    for (String word : filter.words()) {
      where.append(AND_TEXT_LIKE);
      params.addString(ProductSearch.likePattern(word));
    }
    return where.toString();
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
    return db.pool().preparedQuery(SELECT + WHERE_TRUE + AND_ACTIVE + AND_STOCK_AT_MOST + LOW_STOCK_ORDER + PAGE)
        .execute(Tuple.of(threshold, page.perPage(), page.offset()));
  }

  Future<Long> lowStockCount(long threshold) {
    return db.pool().preparedQuery(LOW_STOCK_COUNT).execute(Tuple.of(threshold))
        .map(rows -> rows.iterator().next().getLong(0));
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
        .addString(ProductSearch.stored(name)).addString(ProductSearch.stored(name, description)).addLong(id))
        .mapEmpty();
  }

  /** Inserts the product and its (empty) stock row; run inside the caller's transaction. */
  Future<Long> insert(SqlClient tx, String name, String description, long categoryId, long priceCents,
                      boolean active, long now) {
    return db.dialect().insertReturningId(tx, INSERT,
            Tuple.of(name, description, categoryId, priceCents, active ? 1 : 0, now, now)
                .addString(ProductSearch.stored(name)).addString(ProductSearch.stored(name, description)))
        .compose(id -> tx.preparedQuery(INSERT_INVENTORY).execute(Tuple.of(id, now)).map(id));
  }
}
