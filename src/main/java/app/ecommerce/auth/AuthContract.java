package app.ecommerce.auth;

/**
 * The auth service on the event bus. Every request body is JSON; a failure is a
 * {@link io.vertx.serviceproxy.ServiceException} whose code is the HTTP status.
 *
 * <ul>
 *   <li>{@link #REGISTER}: {first_name, last_name, email, password, timezone} → the user</li>
 *   <li>{@link #LOGIN}: {email, password, client_address} → {access_token, token_type, expires_in};
 *       422 for bad credentials, 429 when throttled or when more logins wait than {@code LOGIN_QUEUE};
 *       may wait up to {@link #LOGIN_TIMEOUT_MS} in the queue</li>
 *   <li>{@link #LOGOUT}: {caller} → {}; revokes the caller's token and publishes {@link #REVOKED}</li>
 *   <li>{@link #VERIFY}: {jti, user_id} → the caller ({@code Caller} JSON), 401 when the token
 *       is unknown, revoked or expired or its user is gone or inactive</li>
 *   <li>{@link #REVOKED} (publish): {jti, exp}: every node drops that token from its caches</li>
 *   <li>{@link #GET_ME}, {@link #UPDATE_ME} {caller, any of first_name, last_name, timezone},
 *       {@link #CHANGE_PASSWORD} {caller, current_password, new_password, client_address}: the
 *       caller's own account (422 wrong current password, counted by the login throttle)</li>
 *   <li>{@link #LIST_USERS} {page, per_page, order_by, order, q, role, is_active} and
 *       {@link #UPDATE_USER} {user_id, any of is_active, role}: admins' (409 for the last active admin)</li>
 *   <li>{@link #USER_CHANGED}{@code .<node>} (request, one per node listed in the cluster-wide map
 *       {@link #TOKEN_CACHES}): {user_id} → null once that node forgot what it cached of the
 *       user's tokens; the auth service answers a change only after every node has acknowledged
 *       it (or failed to), so a role, active flag, zone or revocation holds from the next request
 *       on, on every node</li>
 *   <li>{@link #LOGIN_SETTLED} (publish): {email, client_address}: a login attempt of theirs was
 *       settled, so a login waiting on any node for the throttle's attempts in flight tries again</li>
 * </ul>
 */
public final class AuthContract {
  public static final String REGISTER = "auth.register";
  public static final String LOGIN = "auth.login";
  public static final String LOGOUT = "auth.logout";
  public static final String VERIFY = "auth.verify";
  public static final String REVOKED = "auth.revoked";
  public static final String LOGIN_SETTLED = "auth.login.settled";
  public static final String GET_ME = "auth.get_me";
  public static final String UPDATE_ME = "auth.update_me";
  public static final String CHANGE_PASSWORD = "auth.change_password";
  public static final String LIST_USERS = "auth.list_users";
  public static final String UPDATE_USER = "auth.update_user";
  public static final String USER_CHANGED = "auth.user_changed";
  /** Cluster-wide map: the {@link #USER_CHANGED} address of each node's token cache. */
  public static final String TOKEN_CACHES = "auth.token_caches";
  /** How long a change waits for a node's acknowledgement (a node that went away never sends one). */
  public static final long USER_CHANGED_ACK_MS = 2_000;
  /**
   * How long a caller waits for a login: longer than other calls, because a burst of logins queues
   * for the hashing threads (LOGIN_QUEUE checks of argon2 at tens of milliseconds each).
   */
  public static final long LOGIN_TIMEOUT_MS = 60_000;
  /** {} → {} when the auth service and its database answer (readiness). */
  public static final String PING = "auth.ping";

  private AuthContract() {
  }
}
