package app.ecommerce.catalog.impl;

import app.ecommerce.db.Database;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Map;

/** The categories table. */
final class CategoryRepository {
  static final String INSERT = "INSERT INTO categories (category_name, category_slug, created_at) VALUES (?, ?, ?)";
  static final String EXISTS = "SELECT id FROM categories WHERE id = ?";
  static final String SELECT = "SELECT id, category_name, category_slug, created_at FROM categories";
  static final String PAGE = " LIMIT ? OFFSET ?";
  static final String COUNT = "SELECT COUNT(*) FROM categories";
  static final String FIND = SELECT + " WHERE id = ?";
  /** Both columns are NOT NULL, so a null parameter means "unchanged". */
  static final String UPDATE = "UPDATE categories SET category_name = COALESCE(?, category_name),"
      + " category_slug = COALESCE(?, category_slug) WHERE id = ?";
  static final String HAS_PRODUCTS = "SELECT id FROM products WHERE category_id = ? LIMIT 1";
  static final String DELETE = "DELETE FROM categories WHERE id = ?";
  static final Map<String, String> ORDER_BY = Map.of(
      "id", "id", "category_name", "category_name", "category_slug", "category_slug", "created_at", "created_at");

  private final Database db;

  CategoryRepository(Database db) {
    this.db = db;
  }

  Future<Long> insert(SqlClient client, String name, String slug, long now) {
    return db.dialect().insertReturningId(client, INSERT, Tuple.of(name, slug, now));
  }

  Future<Boolean> exists(SqlClient client, long id) {
    return client.preparedQuery(EXISTS).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  Future<Row> find(SqlClient client, long id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  Future<Void> update(SqlClient tx, long id, String name, String slug) {
    return tx.preparedQuery(UPDATE).execute(Tuple.of(name, slug, id)).mapEmpty();
  }

  Future<Boolean> hasProducts(SqlClient tx, long id) {
    return tx.preparedQuery(HAS_PRODUCTS).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  Future<Void> delete(SqlClient tx, long id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(id)).mapEmpty();
  }

  Future<RowSet<Row>> page(Page page) {
    return db.pool().preparedQuery(SELECT + page.orderBy(ORDER_BY, "id") + PAGE)
        .execute(Tuple.of(page.perPage(), page.offset()));
  }

  Future<Long> count() {
    return db.pool().query(COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }
}
