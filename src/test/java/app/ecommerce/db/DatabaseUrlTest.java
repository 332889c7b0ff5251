package app.ecommerce.db;

import app.ecommerce.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DATABASE_URL with one host or the nodes of a cluster. */
class DatabaseUrlTest {

  @Test
  void oneHostAsBefore() {
    DatabaseUrl url = DatabaseUrl.parse("mysql://shop:p%40ss@db.internal:3307/shop");
    assertEquals(List.of(new DatabaseUrl.Host("db.internal", 3307)), url.hosts());
    assertEquals("shop", url.user());
    assertEquals("p@ss", url.password());
    assertEquals("jdbc:mariadb://db.internal:3307/shop", url.jdbcUrl());
    assertEquals(3306, DatabaseUrl.parse("mariadb://root@localhost/test").port());
  }

  @Test
  void severalHostsAreTheNodesOfOneCluster() {
    DatabaseUrl url = DatabaseUrl.parse("mysql://shop:secret@h1:3311,h2:3312,h3/shop");
    assertEquals(List.of(new DatabaseUrl.Host("h1", 3311), new DatabaseUrl.Host("h2", 3312),
        new DatabaseUrl.Host("h3", 3306)), url.hosts());
    assertEquals("secret", url.password());
    assertEquals("shop", url.database());
    // migrations and tools: the first host of the list that answers
    assertEquals("jdbc:mariadb:sequential://h1:3311,h2:3312,h3:3306/shop", url.jdbcUrl());
  }

  @Test
  void aBadHostListIsAConfigErrorWithoutThePassword() {
    for (String bad : List.of("mysql://shop:secret@h1:3311,,h2/shop", "mysql://shop:secret@h1:99999/shop",
        "mysql://shop:secret@h1:3311,/shop", "mysql://shop:secret@/shop", "mysql://shop:secret@h1,h2")) {
      ConfigException e = assertThrows(ConfigException.class, () -> DatabaseUrl.parse(bad), bad);
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
      assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
    }
  }
}
