package app.ecommerce.db;

import io.vertx.jdbcclient.spi.JDBCColumnDescriptorProvider;
import io.vertx.jdbcclient.spi.JDBCDecoderImpl;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the JDBC client turns a result cell into a row value, for the one JDBC database here:
 * SQLite. The client's default asks the driver for the column's JDBC type and type name before
 * every cell, and sqlite-jdbc answers the type name by matching the declared type with a regular
 * expression: most of the worker's CPU for a page of products went there (docs/architecture.md).
 * SQLite has five storage classes, and the driver's
 * {@code getObject} already gives each as the value the row accessors read: Integer or Long,
 * Double, String, byte[] or null. The schema keeps money (cents), times (microseconds) and flags
 * as integers, so nothing needs the declared type.
 *
 * <p>Found by the JDBC client through {@code META-INF/services/io.vertx.jdbcclient.spi.JDBCDecoder}.
 * MySQL and MariaDB go through the reactive client and never reach this class.
 */
public final class SqliteValueDecoder extends JDBCDecoderImpl {
  @Override
  public Object parse(ResultSet rs, int pos, JDBCColumnDescriptorProvider jdbcTypeLookup) throws SQLException {
    return rs.getObject(pos);
  }
}
