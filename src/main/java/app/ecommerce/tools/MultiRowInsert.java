package app.ecommerce.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Buffers rows and, on {@link #flush()}, writes them as multi-row INSERT statements of at most
 * {@link #ROWS} rows: the fastest bulk path that works the same on the SQLite and MariaDB JDBC
 * drivers (the demo sales on MariaDB go as {@link BatchInsert}s instead). The caller flushes
 * parents before children so foreign keys always hold.
 */
final class MultiRowInsert implements BulkInsert {
  private static final int ROWS = 500;

  private final Connection connection;
  private final String prefix;
  private final String rowPlaceholders;
  private final int columns;
  private final List<Object> pending = new ArrayList<>();
  private PreparedStatement full;

  MultiRowInsert(Connection connection, String prefix, String rowPlaceholders, int columns) {
    this.connection = connection;
    this.prefix = prefix;
    this.rowPlaceholders = rowPlaceholders;
    this.columns = columns;
  }

  @Override
  public void add(Object... row) {
    Collections.addAll(pending, row);
  }

  @Override
  public void flush() throws SQLException {
    int rows = pending.size() / columns;
    int done = 0;
    while (rows - done >= ROWS) {
      if (full == null) {
        full = connection.prepareStatement(sql(ROWS));
      }
      write(full, done, ROWS);
      done += ROWS;
    }
    if (rows > done) {
      try (PreparedStatement rest = connection.prepareStatement(sql(rows - done))) {
        write(rest, done, rows - done);
      }
    }
    pending.clear();
  }

  private void write(PreparedStatement statement, int fromRow, int rows) throws SQLException {
    BulkRows.bind(statement, 0, pending.subList(fromRow * columns, (fromRow + rows) * columns).toArray());
    statement.executeUpdate();
  }

  private String sql(int rows) {
    return prefix + String.join(", ", Collections.nCopies(rows, rowPlaceholders));
  }

  @Override
  public void close() throws SQLException {
    if (full != null) {
      full.close();
    }
  }
}
