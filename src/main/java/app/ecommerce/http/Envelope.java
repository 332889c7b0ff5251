package app.ecommerce.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The one response shape: {@code {status_code, success, message, data}}, keys in that order. */
public final class Envelope {
  /** What follows an encoded {@code data}: the envelope's closing brace. */
  public static final String TAIL = "}";

  private Envelope() {
  }

  public static JsonObject of(int status, String message, JsonObject data) {
    return new JsonObject()
        .put("status_code", status)
        .put("success", status >= 200 && status < 300)
        .put("message", message == null ? "" : message)
        .put("data", data == null ? new JsonObject() : data);
  }

  /** The envelope up to its {@code data}'s value, for data that is already encoded. */
  public static Buffer head(int status, String message) {
    String envelope = of(status, message, new JsonObject()).encode();
    return Buffer.buffer(envelope.substring(0, envelope.length() - ("{}" + TAIL).length()));
  }

  public static Future<Void> send(HttpServerResponse response, int status, String message, JsonObject data) {
    return send(response, status, of(status, message, data).toBuffer());
  }

  /**
   * The envelope around {@code data} already encoded, in one buffer (a small answer: one write
   * down the pipeline); {@code head} is {@link #head} of the same status and message.
   */
  public static Future<Void> send(HttpServerResponse response, int status, Buffer head, Buffer data) {
    return send(response, status, Buffer.buffer(head.length() + data.length() + TAIL.length())
        .appendBuffer(head).appendBuffer(data).appendString(TAIL));
  }

  private static Future<Void> send(HttpServerResponse response, int status, Buffer envelope) {
    return response.setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(envelope);
  }
}
