package app.ecommerce.http;

import app.ecommerce.bus.Caller;
import app.ecommerce.bus.Errors;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.input.Validator;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one request of one {@link Endpoint} through the steps API.md §1 fixes, after routing and
 * the body limit: authentication (401), role (403), repeated headers and body decoding (400/415),
 * validation (422), then the endpoint's handler; its reply goes out in the envelope, and any
 * failure to the router's one failure handler.
 */
final class EndpointDispatch implements Handler<RoutingContext> {
  private final Endpoint endpoint;
  private final Authenticator authenticator;

  EndpointDispatch(Endpoint endpoint, Authenticator authenticator) {
    this.endpoint = endpoint;
    this.authenticator = authenticator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String requestId = RequestLog.id(ctx);
    caller(ctx, requestId)
        .compose(caller -> {
          if (endpoint.access() == Access.ADMIN && (caller == null || !caller.isAdmin())) {
            throw Errors.forbidden();
          }
          RequestInput.refuseRepeatedHeaders(ctx);
          Map<String, String> problems = new LinkedHashMap<>();
          JsonObject input = Validator.validate(endpoint.fields(), RequestInput.read(ctx), problems);
          if (!endpoint.headers().isEmpty()) {
            JsonObject headers = Validator.validate(endpoint.headers(), RequestInput.headers(ctx, endpoint.headers()),
                problems);
            String key = headers.getString(Endpoint.IDEMPOTENCY_HEADER);
            if (key != null) {
              input.put(ServiceClient.IDEMPOTENCY_KEY, key);
            }
          }
          if (problems.isEmpty()) {
            endpoint.checks().forEach(check -> problems.putAll(check.apply(input)));
          }
          if (!problems.isEmpty()) {
            throw Errors.validation(problems);
          }
          Future<Reply> handled = endpoint.handler().handle(new ApiRequest(caller, input, requestId, ctx));
          // only a write that reached its service can have committed: a caller still being
          // authenticated when its time ran out wrote nothing, so that stays a 503
          return endpoint.writes() ? handled.recover(failure -> Future.failedFuture(Errors.forWrite(failure))) : handled;
        })
        .onSuccess(reply -> send(ctx, reply))
        .onFailure(ctx::fail);
  }

  /**
   * The caller named by the one Authorization header; null on a public endpoint, and on a
   * token-optional one without the header (any header that is sent must hold a valid token).
   */
  private Future<Caller> caller(RoutingContext ctx, String requestId) {
    if (endpoint.access() == Access.PUBLIC) {
      return Future.succeededFuture(null);
    }
    List<String> headers = ctx.request().headers().getAll("Authorization");
    if (headers.size() > 1) {
      // proxies and servers disagree on which of several wins: accept none of them
      BearerToken.refuse(ctx, BearerToken.INVALID_REQUEST);
      return Future.failedFuture(Errors.unauthorized("Send exactly one Authorization header"));
    }
    String header = headers.isEmpty() ? null : headers.get(0);
    if (header == null && endpoint.access() == Access.OPTIONAL) {
      return Future.succeededFuture(null); // anonymous: the customer view
    }
    if (header == null || header.isBlank()) {
      return Future.failedFuture(Errors.unauthorized("Not authenticated"));
    }
    String token = BearerToken.parse(header.strip());
    if (token == null) {
      if (BearerToken.isMalformedBearer(header.strip())) {
        BearerToken.refuse(ctx, BearerToken.INVALID_REQUEST);
      }
      return Future.failedFuture(Errors.unauthorized("Authorization header must be 'Bearer <token>'"));
    }
    BearerToken.refuse(ctx, BearerToken.INVALID_TOKEN); // any 401 from here on refuses this token
    return authenticator.authenticate(token, requestId);
  }

  private void send(RoutingContext ctx, Reply reply) {
    if (reply.sent() || ctx.response().ended()) {
      return;
    }
    String message = reply.message() != null ? reply.message() : endpoint.successMessage();
    Envelope.send(ctx.response(), reply.status(), message, reply.data());
  }
}
