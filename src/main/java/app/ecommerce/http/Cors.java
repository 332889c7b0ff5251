package app.ecommerce.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin calls (API.md §1): allowed only from the origins of {@code CORS_ALLOWED_ORIGINS}.
 * Vert.x's {@link CorsHandler} answers the listed origins (preflights with 204, the allowed methods
 * and headers; actual requests with {@code Access-Control-Allow-Origin}). An origin that is not
 * listed is let through without any CORS header, so that the browser withholds the answer; the
 * handler alone would fail it with a 403, which would also refuse the same-origin requests that
 * browsers send with an {@code Origin} header (a form POST from the storefront on this host).
 */
final class Cors implements Handler<RoutingContext> {
  static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.PATCH, HttpMethod.DELETE);
  static final Set<String> REQUEST_HEADERS = Set.of("Authorization", "Content-Type", Endpoint.IDEMPOTENCY_HEADER,
      RequestLog.HEADER);
  /** What a script may read from an answer beyond the CORS-safelisted headers. */
  static final Set<String> EXPOSED_HEADERS = Set.of(RequestLog.HEADER, "Retry-After", "WWW-Authenticate", "Allow",
      "Content-Disposition");
  static final int MAX_AGE_SECONDS = 600;

  private final Set<String> origins;
  private final CorsHandler handler;

  private Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
    // bearer tokens, not cookies: no credentials, so a listed origin never needs more than itself
    this.handler = CorsHandler.create().addOrigins(origins).allowedMethods(METHODS).allowedHeaders(REQUEST_HEADERS)
        .exposedHeaders(EXPOSED_HEADERS).maxAgeSeconds(MAX_AGE_SECONDS);
  }

  /** The handler for these origins ({@code scheme://host[:port]}); none when the list is empty. */
  static Handler<RoutingContext> forOrigins(List<String> origins) {
    return origins.isEmpty() ? null : new Cors(origins);
  }

  @Override
  public void handle(RoutingContext ctx) {
    // the answer depends on the Origin header whenever CORS is on, also when no header is added
    ctx.response().headers().add(HttpHeaders.VARY, "Origin");
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null || !origins.contains(origin)) {
      ctx.next();
    } else {
      handler.handle(ctx);
    }
  }
}
