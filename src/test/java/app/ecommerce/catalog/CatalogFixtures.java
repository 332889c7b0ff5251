package app.ecommerce.catalog;

import app.ecommerce.support.Api;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/** Creates catalog rows through the real API, with names that never collide between tests. */
public final class CatalogFixtures {
  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

  private CatalogFixtures() {
  }

  public static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet();
  }

  /**
   * Upper-case text shaped like a UUID, different on every call: what the JDBC client's default
   * encoder used to store in lower case on SQLite.
   */
  public static String upperCaseUuidText() {
    return String.format("ABCDEF01-2345-6789-ABCD-%012X", SEQ.incrementAndGet());
  }

  public static long category(Api api, String adminToken) {
    String slug = unique("cat");
    Api.Response r = api.put("create_category").token(adminToken)
        .json(new JsonObject().put("category_name", "Category " + slug).put("category_slug", slug)).send();
    if (r.status() != 200) {
      throw new AssertionError("create_category: " + r);
    }
    return r.data().getLong("id");
  }

  public static long product(Api api, String adminToken, String name, String price) {
    return product(api, adminToken, category(api, adminToken), name, price, true);
  }

  public static long product(Api api, String adminToken, long categoryId, String name, String price, boolean active) {
    Api.Response r = api.put("create_product").token(adminToken).json(new JsonObject()
        .put("product_name", name).put("description", "A test product").put("category_id", categoryId)
        .put("price", price).put("is_active", active)).send();
    if (r.status() != 200) {
      throw new AssertionError("create_product: " + r);
    }
    return r.data().getLong("id");
  }

  public static void stock(Api api, String adminToken, long productId, long quantity) {
    Api.Response r = api.put("add_inventory").token(adminToken)
        .json(new JsonObject().put("product_id", productId).put("quantity", quantity)).send();
    if (r.status() != 200) {
      throw new AssertionError("add_inventory: " + r);
    }
  }
}
