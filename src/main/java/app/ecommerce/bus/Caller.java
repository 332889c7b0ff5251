package app.ecommerce.bus;

import io.vertx.core.json.JsonObject;

/**
 * The authenticated caller, as every service receives it under {@link #FIELD} of its request body:
 * who, with which role (from the user record, not from the token alone), in which time zone,
 * through which token. Part of the bus contract, not of HTTP, so that a node serving only
 * services carries no HTTP code.
 */
public record Caller(long userId, String email, String role, String timezone, String jti, long expiresAtSeconds) {

  /** The field of a service request body that holds the caller, in its {@link #toJson} form. */
  public static final String FIELD = "caller";
  public static final String ADMIN = "admin";
  public static final String CUSTOMER = "customer";
  private static final String ROLE = "role";
  private static final String TIMEZONE = "timezone";

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }

  /** The caller as services receive it inside a request body ({@link #FIELD}). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("user_id", userId)
        .put("email", email)
        .put(ROLE, role)
        .put(TIMEZONE, timezone)
        .put("jti", jti)
        .put("exp", expiresAtSeconds);
  }

  public static Caller fromJson(JsonObject json) {
    return new Caller(json.getLong("user_id"), json.getString("email"), json.getString(ROLE),
        json.getString(TIMEZONE), json.getString("jti"), json.getLong("exp", 0L));
  }

  /** The caller of a service request body; null when the endpoint is public. */
  public static Caller of(JsonObject requestBody) {
    JsonObject json = requestBody.getJsonObject(FIELD);
    return json == null ? null : fromJson(json);
  }

  /**
   * The zone id of the caller of a service request body, read alone (null when there is none): a
   * catalog read needs only the zone and the role, and decoding the whole caller twice per read
   * showed in its profile (docs/benchmarks.md).
   */
  public static String timezoneOf(JsonObject requestBody) {
    JsonObject json = requestBody.getJsonObject(FIELD);
    return json == null ? null : json.getString(TIMEZONE);
  }

  /** Whether the caller of a service request body is an admin, read alone (see {@link #timezoneOf}). */
  public static boolean isAdmin(JsonObject requestBody) {
    JsonObject json = requestBody.getJsonObject(FIELD);
    return json != null && ADMIN.equals(json.getString(ROLE));
  }
}
