package app.ecommerce.http;

import io.vertx.core.json.JsonObject;

/**
 * The authenticated caller: who, with which role (from the user record, not from the token
 * alone), in which time zone, through which token.
 */
public record Principal(long userId, String email, String role, String timezone, String jti, long expiresAtSeconds) {

  public static final String ADMIN = "admin";
  public static final String CUSTOMER = "customer";

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }

  /** The caller as services receive it inside a request body ({@code caller}). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("user_id", userId)
        .put("email", email)
        .put("role", role)
        .put("timezone", timezone)
        .put("jti", jti)
        .put("exp", expiresAtSeconds);
  }

  public static Principal fromJson(JsonObject json) {
    return new Principal(json.getLong("user_id"), json.getString("email"), json.getString("role"),
        json.getString("timezone"), json.getString("jti"), json.getLong("exp", 0L));
  }
}
