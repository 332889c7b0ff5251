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
