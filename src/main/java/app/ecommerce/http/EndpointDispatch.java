package app.ecommerce.http;

import app.ecommerce.bus.Caller;
import app.ecommerce.bus.Errors;
import app.ecommerce.bus.ServiceClient;
import app.ecommerce.http.input.Field;
import app.ecommerce.http.input.InputSchema;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.validation.BadRequestException;
import io.vertx.ext.web.validation.ParameterProcessorException;
import io.vertx.ext.web.validation.RequestParameter;
import io.vertx.ext.web.validation.RequestParameters;
import io.vertx.ext.web.validation.ValidationHandler;
import io.vertx.ext.web.validation.builder.Parameters;
import io.vertx.ext.web.validation.builder.ValidationHandlerBuilder;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.common.dsl.Schemas;
import io.vertx.json.schema.common.dsl.StringSchemaBuilder;
import io.vertx.serviceproxy.ServiceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one request of one {@link Endpoint} through the steps API.md §1 fixes, after routing and
 * the body limit: authentication (401), role (403), repeated headers and body decoding (400/415),
 * validation (422), then the endpoint's handler; its reply goes out in the envelope, and any
 * failure to the router's one failure handler. Validation is the endpoint's JSON Schema
 * ({@link InputSchema}) for the merged fields and, for declared headers, vertx-web-validation's
 * {@link ValidationHandler}, a route handler between this one and {@link #call}: both problems
 * of one request are answered together ({@link #refusal}).
 */
final class EndpointDispatch implements Handler<RoutingContext> {
  private static final String ADMITTED = "endpoint.admitted";
  private final Endpoint endpoint;
  private final Authenticator authenticator;
  /** Compiled once per endpoint, at start-up. */
  private final InputSchema fields;
  private final InputSchema headers;
  private final RecentQueries recentQueries = new RecentQueries();
  /** The envelope's head of a success, for answers whose data comes encoded ({@link Reply#encoded}). */
  private final Buffer successHead;

  /** What the first step found: the caller, the clean fields, and their problems if any. */
  private record Admitted(Caller caller, JsonObject input, Map<String, String> problems, InputSchema headers) {
  }

  EndpointDispatch(Endpoint endpoint, Authenticator authenticator) {
    this.endpoint = endpoint;
    this.authenticator = authenticator;
    this.fields = new InputSchema(endpoint.fields());
    this.headers = new InputSchema(endpoint.headers());
    this.successHead = Envelope.head(200, endpoint.successMessage());
  }

  /** The endpoint's route handlers after the body handler, in order. */
  List<Handler<RoutingContext>> handlers(SchemaRepository repository) {
    if (endpoint.headers().isEmpty()) {
      return List.of(this, this::call);
    }
    ValidationHandlerBuilder validation = ValidationHandlerBuilder.create(repository);
    for (Field header : endpoint.headers()) {
      if (header.type() != Field.Type.STRING) {
        throw new IllegalArgumentException("header " + header.name() + ": only text headers are declared");
      }
      StringSchemaBuilder schema = Schemas.stringSchema();
      header.schema().forEach(rule -> schema.withKeyword(rule.getKey(), rule.getValue()));
      validation.headerParameter(header.required() ? Parameters.param(header.name(), schema)
          : Parameters.optionalParam(header.name(), schema));
    }
    return List.of(this, validation.build(), this::call);
  }

  @Override
  public void handle(RoutingContext ctx) {
    caller(ctx, RequestLog.id(ctx))
        .onSuccess(caller -> {
          try {
            if (endpoint.access() == Access.ADMIN && (caller == null || !caller.isAdmin())) {
              throw Errors.forbidden();
            }
            RequestInput.refuseRepeatedHeaders(ctx);
            Map<String, String> problems = new LinkedHashMap<>();
            String query = RequestInput.queryAlone(ctx);
            JsonObject input = query == null ? fields.validate(RequestInput.read(ctx), problems)
                : recentQueries.validate(query, found -> fields.validate(RequestInput.read(ctx), found), problems);
            ctx.put(ADMITTED, new Admitted(caller, input, problems, headers));
            ctx.next();
          } catch (RuntimeException e) {
            ctx.fail(e);
          }
        })
        .onFailure(ctx::fail);
  }

  /** The last step: the fields' problems, the header's value, the cross-field checks, the handler. */
  private void call(RoutingContext ctx) {
    Admitted admitted = ctx.get(ADMITTED);
    Map<String, String> problems = admitted.problems();
    if (!problems.isEmpty()) {
      ctx.fail(Errors.validation(problems));
      return;
    }
    JsonObject input = admitted.input();
    RequestParameters parameters = ctx.get(ValidationHandler.REQUEST_CONTEXT_KEY);
    RequestParameter key = parameters == null ? null : parameters.headerParameter(Endpoint.IDEMPOTENCY_HEADER);
    if (key != null && key.getString() != null) {
      input.put(ServiceClient.IDEMPOTENCY_KEY, key.getString());
    }
    endpoint.checks().forEach(check -> problems.putAll(check.apply(input)));
    if (!problems.isEmpty()) {
      ctx.fail(Errors.validation(problems));
      return;
    }
    String requestId = RequestLog.id(ctx);
    Future<Reply> handled = endpoint.handler().handle(new ApiRequest(admitted.caller(), input, requestId, ctx));
    // only a write that reached its service can have committed: a caller still being
    // authenticated when its time ran out wrote nothing, so that stays a 503
    (endpoint.writes() ? handled.recover(failure -> Future.failedFuture(Errors.forWrite(failure))) : handled)
        .onSuccess(reply -> send(ctx, reply))
        .onFailure(ctx::fail);
  }

  /**
   * The 422 for a header that vertx-web-validation refused, together with the fields' problems
   * of the same request. The library's message is its own; the header is checked again by its
   * schema here only to word the refusal as the API always has.
   */
  static ServiceException refusal(RoutingContext ctx, BadRequestException refused) {
    Admitted admitted = ctx.get(ADMITTED);
    if (admitted == null) {
      return Errors.badRequest("Bad request");
    }
    Map<String, String> problems = new LinkedHashMap<>(admitted.problems());
    admitted.headers().validate(RequestInput.headers(ctx, admitted.headers().fields()), problems);
    if (refused instanceof ParameterProcessorException p && !problems.containsKey(p.getParameterName())) {
      problems.put(p.getParameterName(), "Invalid " + p.getParameterName() + " header");
    }
    return Errors.validation(problems);
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
    if (reply.encoded() == null) {
      Envelope.send(ctx.response(), reply.status(), message, reply.data());
    } else {
      Buffer head = reply.status() == 200 && reply.message() == null ? successHead : Envelope.head(reply.status(), message);
      Envelope.send(ctx.response(), reply.status(), head, reply.encoded());
    }
  }
}
