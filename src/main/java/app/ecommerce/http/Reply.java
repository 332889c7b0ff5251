package app.ecommerce.http;

import io.vertx.core.json.JsonObject;

/**
 * What an endpoint answers. {@link #ok(JsonObject)} uses the endpoint's success message;
 * {@link #alreadySent()} means the handler streamed the response itself.
 */
public record Reply(int status, String message, JsonObject data, boolean sent) {

  public static Reply ok(JsonObject data) {
    return new Reply(200, null, data, false);
  }

  public static Reply of(int status, String message, JsonObject data) {
    return new Reply(status, message, data, false);
  }

  public static Reply alreadySent() {
    return new Reply(0, null, null, true);
  }
}
