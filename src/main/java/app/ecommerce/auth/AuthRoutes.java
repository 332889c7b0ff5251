package app.ecommerce.auth;

import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.Access;
import app.ecommerce.http.ApiRequest;
import app.ecommerce.http.Endpoint;
import app.ecommerce.http.Reply;
import app.ecommerce.http.RouteModule;
import app.ecommerce.http.Schemas;
import app.ecommerce.http.input.Field;
import app.ecommerce.http.input.Pagination;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** register_user, login_user and logout_user (API.md §3.1–3.3). */
public final class AuthRoutes implements RouteModule {
  /**
   * Some character that is not Unicode white space: a password of spaces is refused. Spelled out,
   * rather than with {@code \S}, because Java's {@code \s} is ASCII-only and the OpenAPI
   * document's (ECMAScript) one is not: both must refuse the same passwords.
   */
  static final String NOT_ONLY_WHITESPACE = "[\\s\\S]*[^\\t\\n\\x0B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A"
      + "\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF][\\s\\S]*";
  static final List<Field> REGISTER_FIELDS = List.of(
      Field.string("first_name", 3, 50),
      Field.string("last_name", 3, 50),
      Field.string("email", 1, 254).format(Field.Format.EMAIL).describedAs("Stored lower-cased; unique"),
      Field.string("password", 8, 255).pattern(NOT_ONLY_WHITESPACE, "Password must not be only white space"),
      Field.string("timezone", 1, 64).format(Field.Format.TIMEZONE).describedAs("IANA zone id, e.g. Asia/Karachi or UTC"));
  static final List<Field> LOGIN_FIELDS = List.of(
      Field.string("email", 1, 254),
      Field.string("password", 1, 255));

  static final List<Field> UPDATE_ME_FIELDS = List.of(
      Field.string("first_name", 3, 50).absentMeansUnchanged(),
      Field.string("last_name", 3, 50).absentMeansUnchanged(),
      Field.string("timezone", 1, 64).format(Field.Format.TIMEZONE).absentMeansUnchanged()
          .describedAs("IANA zone id; every time in answers to this user follows it at once"));
  static final List<Field> CHANGE_PASSWORD_FIELDS = List.of(
      Field.string("current_password", 1, 255),
      Field.string("new_password", 8, 255).pattern(NOT_ONLY_WHITESPACE, "Password must not be only white space"));
  static final List<Field> LIST_USERS_FIELDS = Pagination.fieldsWith(List.of(
          Field.string("q", 1, 254).optional().describedAs("A substring of the e-mail, first or last name (as text;"
              + " ASCII letters in any case)"),
          Field.oneOf("role", "customer", "admin").optional(),
          Field.bool("is_active").optional()),
      "id", "email", "created_at", "last_login");
  static final List<Field> UPDATE_USER_FIELDS = List.of(
      Field.integer("user_id", 1, Long.MAX_VALUE),
      Field.bool("is_active").absentMeansUnchanged()
          .describedAs("false: every token of the user is refused at once, on every node"),
      Field.oneOf("role", "customer", "admin").absentMeansUnchanged()
          .describedAs("Effective at once on every node"));

  private final ServiceClient services;
  private final TokenAuthenticator authenticator;

  /** @param authenticator this node's token cache, which a logout here updates before answering */
  public AuthRoutes(ServiceClient services, TokenAuthenticator authenticator) {
    this.services = services;
    this.authenticator = authenticator;
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(
        Endpoint.of(HttpMethod.PUT, "register_user", Access.PUBLIC, "Register a customer account",
            "User created successfully.", REGISTER_FIELDS, Endpoint.forwardTo(services, AuthContract.REGISTER))
            .answering(Schemas.ref("User"))
            .withOutcome(422, "User with specified email already exists.")
            .withOutcome(429, "More password hashes waiting than the login queue holds (LOGIN_QUEUE)"),
        Endpoint.of(HttpMethod.POST, "login_user", Access.PUBLIC, "Log in and receive a bearer token",
            "User logged in successfully", LOGIN_FIELDS,
            r -> {
              r.input().put("client_address", r.clientAddress());
              return services.request(AuthContract.LOGIN, r.serviceBody(), r.requestId(), AuthContract.LOGIN_TIMEOUT_MS)
                  .map(Reply::ok);
            })
            .answering(AuthSchemas.TOKEN)
            .withOutcome(422, "User with specified credentials does not exists. (unknown e-mail, wrong password "
                + "or inactive user alike)")
            .withOutcome(429, "5 failed logins for this e-mail, or 50 from this address, within 15 minutes; or more"
                + " logins waiting for a password check than the login queue holds (LOGIN_QUEUE)"),
        Endpoint.of(HttpMethod.POST, "logout_user", Access.SIGNED_IN, "Revoke the presented token",
            "User logged out successfully", List.of(), this::logout)
            .answering(Schemas.empty()),
        Endpoint.of(HttpMethod.GET, "get_me", Access.SIGNED_IN, "The caller's own account",
            "User retrieved successfully", List.of(), Endpoint.forwardTo(services, AuthContract.GET_ME))
            .answering(Schemas.ref("User")),
        Endpoint.of(HttpMethod.PATCH, "update_me", Access.SIGNED_IN, "Change the caller's names or time zone",
            "User updated successfully", UPDATE_ME_FIELDS, r -> forgetting(r, r.caller().userId(), AuthContract.UPDATE_ME))
            .answering(Schemas.ref("User"))
            .idempotent(),
        Endpoint.of(HttpMethod.POST, "change_password", Access.SIGNED_IN,
            "Change the caller's password; every other token of theirs is revoked at once, on every node",
            "Password changed successfully", CHANGE_PASSWORD_FIELDS, r -> {
              r.input().put("client_address", r.clientAddress());
              return forgetting(r, r.caller().userId(), AuthContract.CHANGE_PASSWORD);
            })
            .answering(Schemas.empty())
            .withOutcome(422, "Current password is incorrect (counted as a failed login of the e-mail)")
            .withOutcome(429, "Too many failed logins or password checks for this e-mail or address"),
        Endpoint.of(HttpMethod.GET, "get_users", Access.ADMIN, "Users, with search and filters",
            "Users retrieved successfully", LIST_USERS_FIELDS, Endpoint.forwardTo(services, AuthContract.LIST_USERS))
            .answering(AuthSchemas.USER_PAGE),
        Endpoint.of(HttpMethod.PATCH, "update_user", Access.ADMIN,
            "Deactivate, reactivate, promote or demote a user, at once on every node",
            "User updated successfully", UPDATE_USER_FIELDS,
            r -> forgetting(r, r.input().getLong("user_id"), AuthContract.UPDATE_USER))
            .answering(Schemas.ref("User"))
            .idempotent()
            .withOutcome(404, "User not found")
            .withOutcome(409, "The last active admin cannot be deactivated or demoted"));
  }

  @Override
  public Map<String, JsonObject> schemas() {
    return AuthSchemas.named();
  }

  /**
   * A change to a user that cached tokens must not outlive: this node forgets them before
   * answering (the auth service's publication reaches every node's cache too), so the caller's
   * next request here already sees it.
   */
  private Future<Reply> forgetting(ApiRequest request, long userId, String address) {
    return Endpoint.forwardTo(services, address).handle(request)
        .onSuccess(done -> authenticator.forgetUser(userId));
  }

  /**
   * The revocation published by the auth service reaches this node's cache on another event loop,
   * maybe after the answer (at once when the service ran in place); the caller's next request must
   * be refused all the same, so the cache learns it here first.
   */
  private Future<Reply> logout(ApiRequest request) {
    return Endpoint.forwardTo(services, AuthContract.LOGOUT).handle(request)
        .onSuccess(done -> authenticator.revoke(request.caller().jti(), request.caller().expiresAtSeconds()));
  }

}
