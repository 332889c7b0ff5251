package app.ecommerce.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * What an endpoint answers. {@link #ok(JsonObject)} uses the endpoint's success message;
 * {@link #encoded(Buffer)} too, with {@code data} already encoded as JSON by its service;
 * {@link #alreadySent()} means the handler streamed the response itself.
 *
 * @param encoded {@code data} as encoded JSON (one object), instead of {@code data}; null if not
 */
public record Reply(int status, String message, JsonObject data, Buffer encoded, boolean sent) {

  public static Reply ok(JsonObject data) {
    return new Reply(200, null, data, null, false);
  }

  /** A 200 whose {@code data} is this encoded JSON object, sent as it is. */
  public static Reply encoded(Buffer data) {
    return new Reply(200, null, null, data, false);
  }

  public static Reply of(int status, String message, JsonObject data) {
    return new Reply(status, message, data, null, false);
  }

  public static Reply alreadySent() {
    return new Reply(0, null, null, null, true);
  }
}
