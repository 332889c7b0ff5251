package app.ecommerce.http;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP codec could not even parse (a request line or headers too long, garbage):
 * answered in the envelope like everything else, then the connection is closed.
 */
final class InvalidRequests {
  private InvalidRequests() {
  }

  static void answer(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = 400;
    String message = "Malformed HTTP request";
    if (cause instanceof TooLongFrameException && cause.getMessage() != null) {
      if (cause.getMessage().startsWith("An HTTP line is larger than")) {
        status = 414;
        message = "Request line too long";
      } else if (cause.getMessage().startsWith("HTTP header is larger than")) {
        status = 431;
        message = "Request headers too large";
      }
    }
    request.response()
        .putHeader("Connection", "close")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff");
    Envelope.send(request.response(), status, message, null).onComplete(done -> request.connection().close());
  }
}
