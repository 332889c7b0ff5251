package app.ecommerce.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rows as one JDBC batch of a one-row prepared INSERT. MariaDB Connector/J sends an INSERT batch
 * as one COM_STMT_BULK_EXECUTE (its default, {@code useBulkStmtsForInserts}): the rows' values go
 * binary and the statement is parsed once, where a multi-row INSERT ({@link MultiRowInsert}) is
 * text the driver formats and the server parses again for every 500 rows. MariaDB only: SQLite's
 * driver runs a batch one row at a time.
 */
final class BatchInsert implements BulkInsert {
  private final PreparedStatement statement;
  private final int columns;

  /** {@code prefix} and {@code rowPlaceholders} as for {@link MultiRowInsert}: one row is the statement. */
  BatchInsert(Connection connection, String prefix, String rowPlaceholders, int columns) throws SQLException {
    this.statement = connection.prepareStatement(prefix + rowPlaceholders);
    this.columns = columns;
  }

  @Override
  public void add(Object... row) throws SQLException {
    if (row.length != columns) {
      throw new IllegalArgumentException(row.length + " values for " + columns + " columns");
    }
    BulkRows.bind(statement, 0, row);
    statement.addBatch();
  }

  @Override
  public void flush() throws SQLException {
    statement.executeBatch();
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}
