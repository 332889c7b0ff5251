package app.ecommerce.auth;

import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.Access;
import app.ecommerce.http.ApiRequest;
import app.ecommerce.http.Endpoint;
import app.ecommerce.http.Reply;
import app.ecommerce.http.RouteModule;
import app.ecommerce.http.input.Field;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.List;

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
            .withOutcome(422, "User with specified email already exists.")
            .withOutcome(429, "More password hashes waiting than the login queue holds (LOGIN_QUEUE)"),
        Endpoint.of(HttpMethod.POST, "login_user", Access.PUBLIC, "Log in and receive a bearer token",
            "User logged in successfully", LOGIN_FIELDS,
            r -> {
              r.input().put("client_address", r.clientAddress());
              return services.request(AuthContract.LOGIN, r.serviceBody(), r.requestId(), AuthContract.LOGIN_TIMEOUT_MS)
                  .map(Reply::ok);
            })
            .withOutcome(422, "User with specified credentials does not exists. (unknown e-mail, wrong password "
                + "or inactive user alike)")
            .withOutcome(429, "5 failed logins for this e-mail, or 50 from this address, within 15 minutes; or more"
                + " logins waiting for a password check than the login queue holds (LOGIN_QUEUE)"),
        Endpoint.of(HttpMethod.POST, "logout_user", Access.SIGNED_IN, "Revoke the presented token",
            "User logged out successfully", List.of(), this::logout));
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
