package app.ecommerce.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** update_product, update_category and delete_category (API.md §5). */
abstract class CatalogEditsTest extends EngineTest {

  private Api.Response patchProduct(JsonObject body) {
    return api.call("PATCH", "update_product").token(admin()).json(body).send();
  }

  private Api.Response patchCategory(JsonObject body) {
    return api.call("PATCH", "update_category").token(admin()).json(body).send();
  }

  private Api.Call deleteCategory(long id) {
    return api.call("DELETE", "delete_category").token(admin()).query("category_id", id);
  }

  @Test
  void aProductChangesOnlyTheFieldsSentAndPastSalesKeepTheirPrice() {
    long category = CatalogFixtures.category(api, admin());
    long other = CatalogFixtures.category(api, admin());
    long id = CatalogFixtures.product(api, admin(), category, "Trail shoe", "10.00", true);
    CatalogFixtures.stock(api, admin(), id, 10);
    String customer = server.newCustomerToken();
    long sale = Expect.ok(api.post("purchase_products").token(customer).json(new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("product_id", id).put("quantity", 1)))).send()).getLong("id");

    JsonObject priced = Expect.ok(patchProduct(new JsonObject().put("product_id", id).put("price", "12.50")),
        "Product updated successfully");
    assertEquals("12.50", priced.getString("price"));
    assertEquals("Trail shoe", priced.getString("product_name"));
    assertEquals("A test product", priced.getString("description"));
    assertEquals(9L, priced.getJsonObject("inventory").getLong("quantity"));
    assertEquals(1000L, new Sql(server.db()).number("SELECT price_cents FROM sale_items WHERE sale_id = ?", sale));

    JsonObject moved = Expect.ok(patchProduct(new JsonObject().put("product_id", id).put("category_id", other)
        .put("product_name", "Road shoe").putNull("description")));
    assertEquals(other, moved.getLong("category_id"));
    assertEquals("Road shoe", moved.getString("product_name"));
    assertNull(moved.getValue("description"));
    assertEquals("12.50", moved.getString("price"));
    // the search follows the new name
    assertEquals(1L, Expect.ok(api.get("get_products").query("category_ids", "[" + other + "]").query("q", "road")
        .send()).getLong("total"));
    assertEquals(0L, Expect.ok(api.get("get_products").query("category_ids", "[" + other + "]").query("q", "trail")
        .send()).getLong("total"));

    Expect.error(patchProduct(new JsonObject().put("product_id", id).put("category_id", 987_654_321L)), 404,
        "Category not found");
    Expect.error(patchProduct(new JsonObject().put("product_id", 987_654_321L).put("price", "1.00")), 404,
        "Product does not exist");
    Expect.invalid(patchProduct(new JsonObject().put("product_id", id).put("price", "0")), "price",
        "Input should be greater than 0");
    Expect.invalid(patchProduct(new JsonObject().put("product_id", id).putNull("product_name")), "product_name",
        "Input should be a valid string");
  }

  @Test
  void aDeactivatedProductIsHiddenAtOnceAndCannotBeBought() {
    long id = CatalogFixtures.product(api, admin(), "Retired lamp", "5.00");
    CatalogFixtures.stock(api, admin(), id, 5);
    String customer = server.newCustomerToken();
    Expect.ok(api.get("get_product").token(customer).query("product_id", id).send());
    assertEquals(false, Expect.ok(patchProduct(new JsonObject().put("product_id", id).put("is_active", false)))
        .getBoolean("is_active"));
    Expect.error(api.get("get_product").token(customer).query("product_id", id).send(), 404);
    Expect.error(api.get("get_product").query("product_id", id).send(), 404);
    Api.Response bought = api.post("purchase_products").token(customer).json(new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("product_id", id).put("quantity", 1)))).send();
    assertEquals(409, bought.status(), bought::toString);
    assertEquals("product_inactive", bought.data().getJsonArray("failed_items").getJsonObject(0).getString("reason"));
    Expect.ok(api.get("get_product").token(admin()).query("product_id", id).send());
    Expect.ok(patchProduct(new JsonObject().put("product_id", id).put("is_active", true)));
    Expect.ok(api.get("get_product").token(customer).query("product_id", id).send());
  }

  @Test
  void aCategoryIsRenamedAndItsSlugStaysUnique() {
    long id = CatalogFixtures.category(api, admin());
    String slug = CatalogFixtures.unique("renamed");
    JsonObject renamed = Expect.ok(patchCategory(new JsonObject().put("category_id", id)
        .put("category_name", "Renamed").put("category_slug", slug)), "Category updated successfully");
    Expect.keys(renamed, "id", "category_name", "category_slug", "created_at");
    assertEquals("Renamed", renamed.getString("category_name"));
    assertEquals(slug, renamed.getString("category_slug"));
    assertEquals(slug, Expect.ok(patchCategory(new JsonObject().put("category_id", id).put("category_name", "Again")))
        .getString("category_slug"));
    long other = CatalogFixtures.category(api, admin());
    Expect.error(patchCategory(new JsonObject().put("category_id", other).put("category_slug", slug)), 422,
        "Category with this slug already exists");
    Expect.error(patchCategory(new JsonObject().put("category_id", 987_654_321L).put("category_name", "Nobody")), 404,
        "Category not found");
  }

  @Test
  void aCategoryIsDeletedOnlyWhileNoProductReferencesIt() {
    long id = CatalogFixtures.category(api, admin());
    long product = CatalogFixtures.product(api, admin(), id, "Keeps it", "1.00", false);
    Expect.error(deleteCategory(id).send(), 409, "Category has products");
    long elsewhere = CatalogFixtures.category(api, admin());
    Expect.ok(patchProduct(new JsonObject().put("product_id", product).put("category_id", elsewhere)));
    assertEquals(new JsonObject().put("id", id), Expect.ok(deleteCategory(id).send(), "Category deleted successfully"));
    Expect.error(deleteCategory(id).send(), 404, "Category not found");
    Expect.error(api.put("create_product").token(admin()).json(new JsonObject().put("product_name", "Orphan")
        .put("category_id", id).put("price", "1.00")).send(), 404, "Category not found");
  }

  @Test
  void deletingACategoryRacingProductsMovingIntoItLeavesNoOrphan() {
    Sql sql = new Sql(server.db());
    long home = CatalogFixtures.category(api, admin());
    int deleted = 0;
    for (int round = 0; round < 12; round++) {
      long target = CatalogFixtures.category(api, admin());
      long mover = CatalogFixtures.product(api, admin(), home, "Mover " + round, "1.00", true);
      CompletableFuture<Api.Response> delete = deleteCategory(target).sendAsync();
      CompletableFuture<Api.Response> write = round % 2 == 0
          ? api.put("create_product").token(admin()).json(new JsonObject().put("product_name", "Racer " + round)
              .put("category_id", target).put("price", "1.00")).sendAsync()
          : api.call("PATCH", "update_product").token(admin()).json(new JsonObject().put("product_id", mover)
              .put("category_id", target)).sendAsync();
      Api.Response d = delete.join();
      Api.Response w = write.join();
      if (d.status() == 200) {
        deleted++;
        assertEquals(404, w.status(), () -> "deleted, yet the product write answered " + w);
      } else {
        assertEquals(409, d.status(), d::toString);
        assertEquals(200, w.status(), w::toString);
      }
    }
    assertEquals(0L, sql.number("SELECT COUNT(*) FROM products p WHERE NOT EXISTS"
        + " (SELECT 1 FROM categories c WHERE c.id = p.category_id)"));
    assertTrue(deleted >= 0);
  }

  @Test
  void onlyAdminsEdit() {
    String customer = server.newCustomerToken();
    for (List<String> call : List.of(List.of("PATCH", "update_product"), List.of("PATCH", "update_category"),
        List.of("DELETE", "delete_category"))) {
      Expect.error(api.call(call.get(0), call.get(1)).token(customer).json(new JsonObject()).send(), 403);
      Expect.unauthorized(api.call(call.get(0), call.get(1)).json(new JsonObject()).send());
    }
  }
}
