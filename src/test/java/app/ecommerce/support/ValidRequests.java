package app.ecommerce.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A valid request body of each endpoint, for the table-driven tests that change one part of it,
 * and the passwords those bodies use. Placeholders stand for what only a running server knows:
 * {@code {u}} a fresh unique word, {@code {login_email}} a registered user's e-mail,
 * {@code {category}} and {@code {product}} ids of fixtures (as JSON strings, to be replaced by
 * numbers); issue 28's endpoints add {@code {edit_product}}, {@code {edit_category}} (fixtures
 * that edits may change), {@code {empty_category}} (a new category without products, per request),
 * {@code {sale}} (a purchase of the caller) and {@code {user}} (a customer admins may change).
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
      case "adjust_inventory":
        return new JsonObject().put("product_id", "{product}").put("change", 1).put("note", "Hostile count");
      case "get_inventory_movements":
        return new JsonObject().put("product_id", "{product}");
      case "get_purchase":
        return new JsonObject().put("purchase_id", "{sale}");
      case "update_me":
        return new JsonObject().put("first_name", "Hostile");
      case "change_password":
        return new JsonObject().put("current_password", "customer-password").put("new_password", "new-password-1");
      case "update_user":
        return new JsonObject().put("user_id", "{user}").put("is_active", true);
      case "update_product":
        return new JsonObject().put("product_id", "{edit_product}").put("product_name", "Edited product");
      case "update_category":
        return new JsonObject().put("category_id", "{edit_category}").put("category_name", "Edited category");
      case "delete_category":
        return new JsonObject().put("category_id", "{empty_category}");
      case "add_inventory":
        return new JsonObject().put("product_id", "{product}").put("quantity", 1);
      case "purchase_products":
        return new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", "{product}")
            .put("quantity", 1)));
      case "get_sales_data":
        return new JsonObject().put("start_date", "2024-01-01").put("end_date", "2024-01-31");
      case "logout_user":
      case "get_purchases":
      case "get_me":
      case "get_users":
      case "get_categories":
      case "get_products":
      case "get_low_stock_products":
        return new JsonObject();
      default:
        return null;
    }
  }
}
