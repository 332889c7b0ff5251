package app.ecommerce.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.jdbcclient.spi.JDBCColumnDescriptorProvider;
import io.vertx.jdbcclient.spi.JDBCDecoder;
import io.vertx.jdbcclient.spi.JDBCDecoderImpl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link SqliteValueDecoder} reads every cell as the JDBC client's own decoder does (up to the
 * width of an integer, which the row accessors do not see, and a REAL, which it keeps as a double
 * where the default narrows it to a float), and it is the decoder the client uses.
 * Compared on every row of every table of a node that loaded the demo data, and on edge values.
 */
class SqliteValueDecoderTest extends EngineTest {

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("DEMO_DATA", "true");
  }

  @Test
  void theJdbcClientFindsIt() {
    assertEquals(SqliteValueDecoder.class, ServiceLoader.load(JDBCDecoder.class).findFirst().orElseThrow().getClass());
  }

  @Test
  void everyCellOfEveryTableReadsAsTheClientsDefaultReadsIt() throws SQLException {
    try (Connection c = server.db().jdbc(); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertTrue(tables.containsAll(List.of("products", "sales", "sale_items", "users")), tables.toString());
      long cells = 0;
      for (String table : tables) {
        cells += compareAll(s, "SELECT * FROM \"" + table + "\"");
      }
      assertTrue(cells > 10_000, cells + " cells");
    }
  }

  @Test
  void edgeValuesReadAsTheClientsDefaultReadsThem() throws SQLException {
    try (Connection c = server.db().jdbc(); Statement s = c.createStatement()) {
      assertEquals(13, compareAll(s, "SELECT 0, 1, -1, 2147483647, 2147483648, -2147483649, 9223372036854775807, "
          + "-9223372036854775808, 1.5, '', 'zß€😀', X'00FF10', NULL"));
      assertEquals(0.1, new SqliteValueDecoder().parse(oneRow(s, "SELECT 0.1"), 1, null), "a REAL stays a double");
      assertEquals(4, compareAll(s, "SELECT SUM(total_cents), COUNT(*), MAX(created_at), MIN(id) FROM sales"));
    }
  }

  private static ResultSet oneRow(Statement s, String sql) throws SQLException {
    ResultSet rs = s.executeQuery(sql);
    assertTrue(rs.next());
    return rs;
  }

  /** Compares the two decoders on every cell the query answers; returns how many cells. */
  private static long compareAll(Statement s, String sql) throws SQLException {
    JDBCDecoder ours = new SqliteValueDecoder();
    JDBCDecoder theirs = new JDBCDecoderImpl();
    long cells = 0;
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          Object expected = theirs.parse(rs, i, JDBCColumnDescriptorProvider.fromResult(rs));
          Object actual = ours.parse(rs, i, JDBCColumnDescriptorProvider.fromResult(rs));
          String where = sql + ", column " + rs.getMetaData().getColumnName(i);
          if (expected instanceof Float f) {
            // the default narrows SQLite's 8-byte REAL to a float; this one keeps the double
            assertEquals(f, ((Double) actual).floatValue(), where);
          } else {
            assertEquals(comparable(expected), comparable(actual), where);
          }
          cells++;
        }
      }
    }
    return cells;
  }

  /** Integers of any width as long, binary as hex: what the row accessors make of them anyway. */
  private static Object comparable(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Buffer buffer) {
      return HexFormat.of().formatHex(buffer.getBytes());
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    return value;
  }
}
