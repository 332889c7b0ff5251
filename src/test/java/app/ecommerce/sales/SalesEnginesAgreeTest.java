package app.ecommerce.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import app.ecommerce.support.Api;
import app.ecommerce.support.LegacyDatabase;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import app.ecommerce.tools.LegacyImporter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLite and MariaDB, given the same data (a database of the original system, imported, plus
 * sales at odd microseconds around DST changes), must answer every query with the same bytes.
 */
@EnabledIfEnvironmentVariable(named = "MYSQL_TEST_URL", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesEnginesAgreeTest {
  private TestServer sqlite;
  private TestServer mariadb;

  @TempDir
  static Path legacyDir;

  @BeforeAll
  void start() throws Exception {
    LegacyDatabase legacy = LegacyDatabase.create(legacyDir);
    sqlite = TestServer.start(TestDatabase.sqlite());
    mariadb = TestServer.start(TestDatabase.mariadb());
    for (TestServer server : List.of(sqlite, mariadb)) {
      new LegacyImporter(server.app().config(), new PrintStream(OutputStream.nullOutputStream()))
          .importFrom(legacy.file, false);
      SalesFixtures fx = new SalesFixtures(server);
      long buyer = server.newCustomer("America/New_York").id();
      SalesFixtures.Product odd = fx.product(fx.category("Ünïcode, \"quoted\"", "unicode-quoted"), "Crème brûlée, 1\"", "0.01");
      fx.sale(buyer, "2024-03-10T06:59:59.999999Z", odd, 3);
      fx.sale(buyer, "2024-03-10T07:00:00.000001Z", odd, 7, odd, 2);
      fx.sale(buyer, "2024-11-03T05:30:00.5Z", odd, 1);
      fx.sale(buyer, "2024-11-03T06:30:00.25Z", odd, 10_000);
    }
  }

  @AfterAll
  void stop() {
    for (TestServer server : new TestServer[] {sqlite, mariadb}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "start_date=2022-01-01&end_date=2024-12-31&timezone=America/New_York",
      "start_date=2022-01-01&end_date=2024-12-31&timezone=Asia/Kolkata&buckets=daily",
      "start_date=2022-01-01&end_date=2024-12-31&timezone=America/New_York&buckets=weekly&include_sales_items=false",
      "start_date=2022-01-01T00:00:00Z&end_date=2024-12-31T12:00:00-08:00&buckets=monthly&category_ids=[1,3,6]",
      "start_date=2020-01-01&end_date=2030-12-31&timezone=Europe/London&buckets=yearly&product_ids=[2,26]",
      "start_date=2024-03-01&end_date=2024-11-30&timezone=America/New_York&buckets=daily&format=csv",
      "start_date=2022-01-01&end_date=2024-12-31&timezone=Asia/Kathmandu&format=csv"})
  void sameAnswerOnBothEngines(String query) {
    String fromSqlite = get(sqlite, query);
    String fromMariadb = get(mariadb, query);
    int at = 0;
    while (at < Math.min(fromSqlite.length(), fromMariadb.length()) && fromSqlite.charAt(at) == fromMariadb.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 300);
    assertEquals(fromSqlite.substring(from, Math.min(fromSqlite.length(), at + 200)),
        fromMariadb.substring(from, Math.min(fromMariadb.length(), at + 200)), query + ": first difference at " + at);
    assertEquals(fromSqlite.length(), fromMariadb.length(), query);
  }

  private static String get(TestServer server, String query) {
    Api.Call call = server.api().get("get_sales_data").token(server.adminToken());
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      call.query(kv[0], kv[1]);
    }
    Api.Response r = call.send();
    assertEquals(200, r.status(), r::toString);
    return r.body();
  }
}
