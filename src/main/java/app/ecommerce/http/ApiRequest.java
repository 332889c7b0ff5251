package app.ecommerce.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * One validated call of an endpoint.
 *
 * @param caller null on public endpoints
 * @param input the validated, cleaned fields
 */
public record ApiRequest(Principal caller, JsonObject input, String requestId, RoutingContext context) {
  /** The field of a service body that holds the caller, in its {@link Principal#toJson} form. */
  public static final String CALLER = "caller";

  public String header(String name) {
    return context.request().getHeader(name);
  }

  public String clientAddress() {
    var remote = context.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }

  /** The body services receive: the validated input plus the caller under {@link #CALLER}. */
  public JsonObject serviceBody() {
    JsonObject body = input.copy();
    if (caller != null) {
      body.put(CALLER, caller.toJson());
    }
    return body;
  }
}
