package app.ecommerce.db;

import io.vertx.core.json.JsonArray;
import io.vertx.jdbcclient.spi.JDBCColumnDescriptorProvider;
import io.vertx.jdbcclient.spi.JDBCEncoder;
import io.vertx.sqlclient.Tuple;

/**
 * How the JDBC client binds a statement parameter, for the one JDBC database here: SQLite. Every
 * value is bound exactly as the repository passed it (Long, Integer, Double, Boolean, String,
 * byte[] or null), the counterpart of {@link SqliteValueDecoder}.
 *
 * <p>The client's default asks the driver for the parameter's JDBC type first, and sqlite-jdbc
 * answers from the values already bound to the statement: for the first parameter there are none,
 * so it throws (twice, type and type name, each exception with its stack trace), and the client then takes the type as OTHER,
 * for which it turns a string shaped like a UUID into a {@code java.util.UUID}. The driver stores
 * that as its {@code toString()}, in lower case: a product or category named
 * {@code ABCDEF01-2345-6789-ABCD-EF0123456789} was stored as {@code abcdef01-...}, while the same
 * text as a later parameter stayed as sent, so a lookup could miss a row written a moment before.
 * MariaDB never did this; now SQLite does not either.
 *
 * <p>Found by the JDBC client through {@code META-INF/services/io.vertx.jdbcclient.spi.JDBCEncoder}.
 * MySQL and MariaDB go through the reactive client and never reach this class.
 */
public final class SqliteParameterEncoder implements JDBCEncoder {
  /** @param pos the parameter's JDBC position, from 1 */
  @Override
  public Object encode(JsonArray input, int pos, JDBCColumnDescriptorProvider provider) {
    return input.getValue(pos - 1);
  }

  /** @param pos the parameter's JDBC position, from 1 */
  @Override
  public Object encode(Tuple input, int pos, JDBCColumnDescriptorProvider provider) {
    return input.getValue(pos - 1);
  }
}
