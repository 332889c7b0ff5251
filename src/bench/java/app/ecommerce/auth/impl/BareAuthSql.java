package app.ecommerce.auth.impl;

/**
 * The SQL text of login_user as AuthService runs it (throttle check, user lookup, token row, last
 * login), for the bare benchmark server ({@code app.ecommerce.bench.BareServer}); in this package,
 * in src/bench, so that the package-private constants are referenced without becoming API.
 */
public final class BareAuthSql {
  public static final String NTH_RECENT_FAILURE_BY_EMAIL = LoginThrottle.NTH_RECENT_BY_EMAIL;
  public static final String NTH_RECENT_FAILURE_BY_ADDRESS = LoginThrottle.NTH_RECENT_BY_ADDRESS;
  public static final int MAX_FAILURES_PER_EMAIL = LoginThrottle.MAX_FAILURES_PER_EMAIL;
  public static final int MAX_FAILURES_PER_ADDRESS = LoginThrottle.MAX_FAILURES_PER_ADDRESS;
  public static final long THROTTLE_WINDOW_MICROS = LoginThrottle.WINDOW_MICROS;
  public static final String FIND_USER_BY_EMAIL = UserRepository.FIND_BY_EMAIL;
  public static final String INSERT_TOKEN = TokenRepository.INSERT;
  public static final String TOUCH_LAST_LOGIN = UserRepository.TOUCH_LAST_LOGIN;

  private BareAuthSql() {
  }
}
