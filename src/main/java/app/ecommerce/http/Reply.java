package app.ecommerce.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * What an endpoint answers. {@link #ok(JsonObject)} uses the endpoint's success message;
 * {@link #raw(int, Buffer)} sends an envelope that was encoded earlier (idempotent replay);
 * {@link #alreadySent()} means the handler streamed the response itself.
 */
public record Reply(int status, String message, JsonObject data, Buffer encoded, boolean sent) {

  public static Reply ok(JsonObject data) {
    return new Reply(200, null, data, null, false);
  }

  public static Reply of(int status, String message, JsonObject data) {
    return new Reply(status, message, data, null, false);
  }

  public static Reply raw(int status, Buffer envelope) {
    return new Reply(status, null, null, envelope, false);
  }

  public static Reply alreadySent() {
    return new Reply(0, null, null, null, true);
  }
}
