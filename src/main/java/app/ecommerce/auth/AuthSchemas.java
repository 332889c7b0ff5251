package app.ecommerce.auth;

import static app.ecommerce.http.Schemas.bool;
import static app.ecommerce.http.Schemas.constant;
import static app.ecommerce.http.Schemas.dateTime;
import static app.ecommerce.http.Schemas.describe;
import static app.ecommerce.http.Schemas.id;
import static app.ecommerce.http.Schemas.object;
import static app.ecommerce.http.Schemas.oneOf;
import static app.ecommerce.http.Schemas.page;
import static app.ecommerce.http.Schemas.ref;
import static app.ecommerce.http.Schemas.text;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The schemas of the account endpoints' answers (API.md §3.1–3.3, §5). */
final class AuthSchemas {
  static final JsonObject USER = object(
      "id", id(),
      "first_name", text(),
      "last_name", text(),
      "email", describe(text(), "Lower-cased"),
      "timezone", describe(text(), "IANA zone id; every time in answers to this user is in it"),
      "role", oneOf("customer", "admin"),
      "is_active", bool(),
      "created_at", dateTime(),
      "updated_at", dateTime());
  static final JsonObject TOKEN = object(
      "access_token", describe(text(), "A JWT (HS256): send it as Authorization: Bearer <access_token>"),
      "token_type", constant("bearer"),
      "expires_in", describe(id(), "Seconds until the token expires"));
  static final JsonObject USER_PAGE = page("users", ref("User"));

  private AuthSchemas() {
  }

  static Map<String, JsonObject> named() {
    return Map.of("User", USER);
  }
}
