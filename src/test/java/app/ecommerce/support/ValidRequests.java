package app.ecommerce.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A valid request body of each endpoint, for the table-driven tests that change one part of it,
 * and the passwords those bodies use. Placeholders stand for what only a running server knows:
 * {@code {u}} a fresh unique word, {@code {login_email}} a registered user's e-mail,
 * {@code {category}} and {@code {product}} ids of fixtures (as JSON strings, to be replaced by
 * numbers).
 */
public final class ValidRequests {
  /** The password of the user whose e-mail is {@code {login_email}}. */
  public static final String LOGIN_PASSWORD = "login-password-1";
  /** The password register_user's body registers with. */
  public static final String REGISTER_PASSWORD = "long-enough-pw";

  private ValidRequests() {
  }

  /** The body of a valid request of {@code endpoint}; null for an endpoint it does not know. */
  public static JsonObject body(String endpoint) {
    switch (endpoint) {
      case "register_user":
        return new JsonObject().put("first_name", "Hostile").put("last_name", "Tester").put("email", "{u}@test.example")
            .put("password", REGISTER_PASSWORD).put("timezone", "UTC");
      case "login_user":
        return new JsonObject().put("email", "{login_email}").put("password", LOGIN_PASSWORD);
      case "create_category":
        return new JsonObject().put("category_name", "Hostile category").put("category_slug", "{u}");
      case "create_product":
        return new JsonObject().put("product_name", "Hostile product").put("description", "A hostile product")
            .put("category_id", "{category}").put("price", "10.00").put("is_active", true);
      case "get_product":
        return new JsonObject().put("product_id", "{product}");
      case "add_inventory":
        return new JsonObject().put("product_id", "{product}").put("quantity", 1);
      case "purchase_products":
        return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", "{product}")
            .put("quantity", 1)));
      case "get_sales_data":
        return new JsonObject().put("start_date", "2024-01-01").put("end_date", "2024-01-31");
      case "logout_user":
      case "get_categories":
      case "get_products":
      case "get_low_stock_products":
        return new JsonObject();
      default:
        return null;
    }
  }
}
