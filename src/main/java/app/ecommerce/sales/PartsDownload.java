package app.ecommerce.sales;

import app.ecommerce.bus.Parts;
import app.ecommerce.http.Envelope;
import app.ecommerce.http.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes a rows-included JSON answer as the analytics service sends it in {@link Parts}: the
 * envelope's head and the first part once the first part has come (so an early failure still gets
 * the JSON envelope), then each part as it comes, asking for the next one before writing this one
 * so that the service reads the next page while this one goes out. The answer is bounded
 * (SalesContract#MAX_JSON_ROWS), so the response's queue may hold it whole for a slow client, as
 * the answer built in one piece did; a failure after the head can only cut the response short
 * (the failure handler resets it).
 */
final class PartsDownload {
  private final HttpServerResponse response;
  private final Buffer head;
  private final Parts parts;
  private final Promise<Reply> outcome = Promise.promise();

  PartsDownload(HttpServerResponse response, Buffer head, Parts parts) {
    this.response = response;
    this.head = head;
    this.parts = parts;
  }

  Future<Reply> start() {
    return parts.next().compose(first -> {
      response.setStatusCode(200)
          .setChunked(true)
          .putHeader("Content-Type", "application/json; charset=utf-8");
      response.closeHandler(v -> {
        parts.abandon();
        outcome.tryComplete(Reply.alreadySent());
      });
      response.write(head);
      write(first);
      return outcome.future();
    });
  }

  private void write(Parts.Part part) {
    if (part.last()) {
      response.write(part.data());
      response.end(Envelope.TAIL);
      outcome.tryComplete(Reply.alreadySent());
      return;
    }
    Future<Parts.Part> next = parts.next();
    response.write(part.data());
    next.onSuccess(this::write).onFailure(outcome::tryFail);
  }
}
