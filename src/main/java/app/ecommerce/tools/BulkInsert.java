package app.ecommerce.tools;

import java.sql.SQLException;

/**
 * Rows buffered for one table and written on {@link #flush()}; the caller flushes parents before
 * children so foreign keys always hold.
 */
interface BulkInsert extends AutoCloseable {
  void add(Object... row) throws SQLException;

  void flush() throws SQLException;

  @Override
  void close() throws SQLException;
}
