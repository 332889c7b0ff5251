package app.ecommerce.http;

import app.ecommerce.bus.Caller;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * One validated call of an endpoint.
 *
 * @param caller null on public endpoints
 * @param input the validated, cleaned fields
 */
public record ApiRequest(Caller caller, JsonObject input, String requestId, RoutingContext context) {
  public String header(String name) {
    return context.request().getHeader(name);
  }

  public String clientAddress() {
    var remote = context.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }

  /** The body services receive: the validated input plus the caller under {@link Caller#FIELD}. */
  public JsonObject serviceBody() {
    JsonObject body = input.copy();
    if (caller != null) {
      body.put(Caller.FIELD, caller.toJson());
    }
    return body;
  }
}
