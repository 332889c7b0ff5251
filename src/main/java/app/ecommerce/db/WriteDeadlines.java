package app.ecommerce.db;

/**
 * How long a write transaction may take, as parts of the service timeout the HTTP side waits
 * (API.md §1): its statements must be done by {@code statementsMs}, or it is rolled back and the
 * caller gets 503 (nothing written); its COMMIT must be confirmed by {@code commitMs}, or the
 * caller gets 504 (outcome unknown). Both end before the service timeout, so the HTTP side never
 * has to guess: the service has always answered first.
 */
public record WriteDeadlines(long statementsMs, long commitMs) {

  /** Statements by 8/10 of the service timeout, the commit confirmed by 9/10 of it. */
  public static WriteDeadlines within(long serviceTimeoutMs) {
    return new WriteDeadlines(serviceTimeoutMs * 8 / 10, serviceTimeoutMs * 9 / 10);
  }
}
