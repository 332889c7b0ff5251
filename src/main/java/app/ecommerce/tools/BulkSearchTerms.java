package app.ecommerce.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The search_terms rows (V32_7) of products a tool inserts in bulk, written by one sorted
 * INSERT ... SELECT per batch instead of by the insert trigger. The trigger upserts ~18 rows per
 * product into ~18 places of the index, one product after another; the sorted pass appends each
 * term's new products to the end of its range in key order, as V32_7's own backfill of a catalog
 * does (docs/decisions.md, docs/benchmarks.md). The statements are V32_7's backfill restricted to
 * the batch's ids, with each product's words taken in their order (the trigger's), so the rows are
 * the ones the trigger would have written.
 *
 * <p>Only the batch's own inserts skip the trigger, and only on this connection: on SQLite the
 * trigger is dropped inside the open write transaction (DDL is transactional, and the transaction
 * excludes every other writer) and created again from its own text before the terms are written;
 * on MariaDB the session sets {@code @search_terms_by_caller}, which V32_8's trigger checks.
 * Every other writer (the service, the legacy import, ProductSearch.fillMissing) goes through the
 * trigger as before. Blocking JDBC, for the tools only.
 */
final class BulkSearchTerms implements AutoCloseable {
  /** A batch's INSERTs into products. */
  interface Inserts {
    void run() throws SQLException;
  }

  static final String SQLITE_INSERT_TRIGGER = "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
      + " AND name = 'products_search_terms_insert'";
  static final String SQLITE_DROP_INSERT_TRIGGER = "DROP TRIGGER products_search_terms_insert";
  /** V32_7's backfill (sql/sqlite) for the ids of one batch, in key order, each product's words in order. */
  static final String SQLITE_TERMS = "INSERT INTO search_terms (term, product_id, words, names)"
      + " SELECT substr(w.value, 1, 3), p.id, ',' || w.value || ',',"
      + " CASE WHEN instr(p.name_words, ' ' || w.value || ' ') > 0 THEN ',' || w.value || ',' ELSE ',' END"
      + " FROM products p, json_each('[\"' || replace(trim(p.search_words), ' ', '\",\"') || '\"]') w"
      + " WHERE p.id BETWEEN ? AND ? AND p.search_words IS NOT NULL AND w.value <> ''"
      + " ORDER BY 1, 2, w.key"
      + " ON CONFLICT (term, product_id) DO UPDATE SET"
      + " words = CASE WHEN instr(words, excluded.words) > 0 THEN words ELSE words || substr(excluded.words, 2) END,"
      + " names = CASE WHEN instr(names, excluded.names) > 0 THEN names ELSE names || substr(excluded.names, 2) END";
  static final String MYSQL_BY_CALLER = "SET @search_terms_by_caller = 1";
  static final String MYSQL_BY_TRIGGER = "SET @search_terms_by_caller = NULL";
  /** V32_7's backfill (sql/mysql) for the ids of one batch, in key order, each product's words in order. */
  static final String MYSQL_TERMS = "INSERT INTO search_terms (term, product_id, words, names)"
      + " SELECT LEFT(w.word, 3), p.id, CONCAT(',', w.word, ','),"
      + " IF(LOCATE(CONCAT(' ', w.word, ' '), p.name_words) > 0, CONCAT(',', w.word, ','), ',')"
      + " FROM products p, JSON_TABLE(CONCAT('[\"', REPLACE(TRIM(p.search_words), ' ', '\",\"'), '\"]'), '$[*]'"
      + " COLUMNS (n FOR ORDINALITY, word TEXT PATH '$')) w"
      + " WHERE p.id BETWEEN ? AND ? AND p.search_words IS NOT NULL AND w.word <> ''"
      + " ORDER BY LEFT(w.word, 3), p.id, w.n"
      + " ON DUPLICATE KEY UPDATE"
      + " words = IF(LOCATE(VALUES(words), words) > 0, words, CONCAT(words, SUBSTRING(VALUES(words), 2))),"
      + " names = IF(LOCATE(VALUES(names), names) > 0, names, CONCAT(names, SUBSTRING(VALUES(names), 2)))";

  private final Connection connection;
  private final boolean mysql;
  private final String sqliteTrigger;
  private final PreparedStatement terms;

  private BulkSearchTerms(Connection connection, boolean mysql, String sqliteTrigger) throws SQLException {
    this.connection = connection;
    this.mysql = mysql;
    this.sqliteTrigger = sqliteTrigger;
    this.terms = connection.prepareStatement(mysql ? MYSQL_TERMS : SQLITE_TERMS);
  }

  /** On a connection whose auto-commit is off; on MariaDB its session skips the insert trigger until {@link #close()}. */
  static BulkSearchTerms open(Connection c, boolean mysql) throws SQLException {
    if (mysql) {
      try (Statement s = c.createStatement()) {
        s.execute(MYSQL_BY_CALLER);
      }
      return new BulkSearchTerms(c, true, null);
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SQLITE_INSERT_TRIGGER)) {
      if (!rs.next()) {
        throw new SQLException("products_search_terms_insert (V32_7) is missing");
      }
      return new BulkSearchTerms(c, false, rs.getString(1));
    }
  }

  /**
   * Runs a batch's INSERTs into products, ids {@code firstId} to {@code lastId}, without the
   * insert trigger, then writes their search_terms rows; in the caller's transaction, which must
   * not commit in between.
   */
  void insert(Inserts products, long firstId, long lastId) throws SQLException {
    if (!mysql) {
      try (Statement s = connection.createStatement()) {
        s.execute(SQLITE_DROP_INSERT_TRIGGER);
      }
    }
    products.run();
    if (!mysql) {
      try (Statement s = connection.createStatement()) {
        s.execute(sqliteTrigger);
      }
    }
    terms.setLong(1, firstId);
    terms.setLong(2, lastId);
    terms.executeUpdate();
  }

  /** On MariaDB the session's later inserts go through the trigger again. */
  @Override
  public void close() throws SQLException {
    try (terms) {
      if (mysql) {
        try (Statement s = connection.createStatement()) {
          s.execute(MYSQL_BY_TRIGGER);
        }
      }
    }
  }
}
