package app.ecommerce.sales;

import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.ApiRequest;
import app.ecommerce.http.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Streams a CSV export: pulls {@link SalesContract#CSV_PAGE} pages over the bus one at a time
 * and asks for the next page only when the response's write queue has room, so a slow client
 * slows the database reads down instead of filling the heap. The first page is fetched before
 * anything is written, so an early failure still gets the JSON envelope; a failure later can
 * only cut the response short (the failure handler resets it).
 */
final class CsvDownload {
  private final ServiceClient services;
  private final ApiRequest request;
  private final JsonObject body;
  private final HttpServerResponse response;
  private final Promise<Reply> outcome = Promise.promise();
  private boolean closed;

  CsvDownload(ServiceClient services, ApiRequest request, JsonObject body) {
    this.services = services;
    this.request = request;
    this.body = body;
    this.response = request.context().response();
  }

  Future<Reply> start() {
    return page(null).compose(first -> {
      response.setStatusCode(200)
          .setChunked(true)
          .putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"sales.csv\"");
      response.closeHandler(v -> {
        closed = true;
        outcome.tryComplete(Reply.alreadySent());
      });
      write(first);
      return outcome.future();
    });
  }

  private Future<JsonObject> page(JsonObject after) {
    return services.request(SalesContract.CSV_PAGE, body.copy().put("after", after), request.requestId());
  }

  private void write(JsonObject page) {
    if (closed) {
      outcome.tryComplete(Reply.alreadySent());
      return;
    }
    response.write(page.getString("csv"));
    JsonObject next = page.getJsonObject("next");
    if (next == null) {
      response.end();
      outcome.tryComplete(Reply.alreadySent());
    } else if (response.writeQueueFull()) {
      response.drainHandler(v -> {
        response.drainHandler(null);
        fetch(next);
      });
    } else {
      fetch(next);
    }
  }

  private void fetch(JsonObject after) {
    page(after).onSuccess(this::write).onFailure(outcome::tryFail);
  }
}
