package app.ecommerce.bus;

import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error type of the service: a {@link ServiceException} whose failure code is the HTTP
 * status, whose message is the envelope's message and whose debug info carries the envelope's
 * {@code data} and optional {@code retry_after} seconds. It crosses the (clustered) event bus
 * unchanged, so a service fails exactly as the HTTP client will see it.
 */
public final class Errors {
  public static final String DATA = "data";
  public static final String RETRY_AFTER = "retry_after";
  /** Marks the 503 of a service that did not answer in time: for a write, its outcome is unknown. */
  private static final String UNANSWERED = "unanswered";

  private Errors() {
  }

  public static ServiceException of(int status, String message, JsonObject data) {
    return new ServiceException(status, message, new JsonObject().put(DATA, data == null ? new JsonObject() : data));
  }

  public static ServiceException badRequest(String message) {
    return of(400, message, null);
  }

  public static ServiceException unauthorized(String message) {
    return of(401, message, null);
  }

  public static ServiceException forbidden() {
    return of(403, "Not authorized to access this resource", null);
  }

  public static ServiceException notFound(String message) {
    return of(404, message, null);
  }

  public static ServiceException conflict(String message, JsonObject data) {
    return of(409, message, data);
  }

  public static ServiceException unsupportedMediaType(String message) {
    return of(415, message, null);
  }

  /** A business rule refused the request (duplicate email, duplicate slug...): data is {}. */
  public static ServiceException unprocessable(String message) {
    return of(422, message, null);
  }

  /** Input validation failed: one message per dotted field path. */
  public static ServiceException validation(Map<String, String> problems) {
    return of(422, "Validation failed", new JsonObject(new LinkedHashMap<String, Object>(problems)));
  }

  public static ServiceException tooManyRequests(String message, long retryAfterSeconds) {
    ServiceException e = of(429, message, null);
    e.getDebugInfo().put(RETRY_AFTER, Math.max(1, retryAfterSeconds));
    return e;
  }

  public static ServiceException unavailable(String message) {
    ServiceException e = of(503, message, null);
    e.getDebugInfo().put(RETRY_AFTER, 5);
    return e;
  }

  /** Said by every 504: what happened to the write is unknown, and how the client finds out. */
  public static final String OUTCOME_UNKNOWN = "Outcome unknown: the database did not confirm this write in time, so it"
      + " may or may not have happened. Retry with the same Idempotency-Key (the answer then says what really"
      + " happened), or check get_purchases before trying again without one";

  /** A write whose COMMIT was sent but not confirmed before its deadline (API.md §1). */
  public static ServiceException outcomeUnknown() {
    return of(504, OUTCOME_UNKNOWN, null);
  }

  /** A service did not answer within the caller's timeout: 503, which a write turns into 504. */
  public static ServiceException unanswered(String message) {
    ServiceException e = unavailable(message);
    e.getDebugInfo().put(UNANSWERED, true);
    return e;
  }

  /**
   * What a write's caller answers for {@code failure}: a service that did not answer in time may
   * still commit, so for a write that is 504, never 503.
   */
  public static Throwable forWrite(Throwable failure) {
    return failure instanceof ServiceException e && e.getDebugInfo() != null
        && e.getDebugInfo().getBoolean(UNANSWERED, false) ? outcomeUnknown() : failure;
  }

  public static ServiceException internal() {
    return of(500, "Internal server error", null);
  }

  public static JsonObject dataOf(ServiceException e) {
    JsonObject info = e.getDebugInfo();
    JsonObject data = info == null ? null : info.getJsonObject(DATA);
    return data == null ? new JsonObject() : data;
  }

  public static Long retryAfterOf(ServiceException e) {
    JsonObject info = e.getDebugInfo();
    return info == null ? null : info.getLong(RETRY_AFTER);
  }
}
