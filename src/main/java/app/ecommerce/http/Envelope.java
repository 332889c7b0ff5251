package app.ecommerce.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The one response shape: {@code {status_code, success, message, data}}, keys in that order. */
public final class Envelope {
  private Envelope() {
  }

  public static JsonObject of(int status, String message, JsonObject data) {
    return new JsonObject()
        .put("status_code", status)
        .put("success", status >= 200 && status < 300)
        .put("message", message == null ? "" : message)
        .put("data", data == null ? new JsonObject() : data);
  }

  public static Future<Void> send(HttpServerResponse response, int status, String message, JsonObject data) {
    return send(response, status, of(status, message, data).toBuffer());
  }

  private static Future<Void> send(HttpServerResponse response, int status, Buffer envelope) {
    return response.setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(envelope);
  }
}
