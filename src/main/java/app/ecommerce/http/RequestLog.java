package app.ecommerce.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every request: settles the request id (the client's when it is 1–128
 * characters of {@code [A-Za-z0-9._-]}, else a new one), sets it and the security headers on the
 * response, and writes one log line and counts and times the request ({@link RequestMeters}) when
 * the response ends.
 */
public final class RequestLog implements Handler<RoutingContext> {
  public static final String HEADER = "X-Request-ID";
  private static final String KEY = "request-id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final HexFormat HEX = HexFormat.of();

  private final RequestMeters meters;

  RequestLog(RequestMeters meters) {
    this.meters = meters;
  }

  public static String id(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /**
   * Settles the request id of a request and puts it and the security headers on its response;
   * also used for requests the router never sees (see {@link FailureHandler#invalidRequest}).
   */
  static String begin(HttpServerRequest request) {
    String incoming = request.getHeader(HEADER);
    String id = incoming != null && VALID.matcher(incoming).matches()
        ? incoming : newId();
    request.response()
        .putHeader(HEADER, id)
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff");
    return id;
  }

  /**
   * 32 hex digits from the thread's own generator: an id must be unique, not unpredictable, and
   * UUID.randomUUID would take the shared SecureRandom's lock on every request.
   */
  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = begin(ctx.request());
    ctx.put(KEY, id);
    long start = System.nanoTime();
    meters.began();
    ctx.addEndHandler(done -> {
      long nanos = System.nanoTime() - start;
      // hundredths of a millisecond, without String.format: this runs for every request
      double latencyMs = Math.round(nanos / 10_000.0) / 100.0;
      int status = ctx.response().getStatusCode();
      String method = ctx.request().method().name();
      String path = ctx.request().path();
      meters.ended(method, ctx.normalizedPath(), status, nanos, done.succeeded());
      LOG.atInfo()
          .addKeyValue("method", method)
          .addKeyValue("path", path)
          .addKeyValue("status", status)
          .addKeyValue("latency_ms", latencyMs)
          .addKeyValue("request_id", id)
          .log("{} {} {} {} ms request_id={}", method, path, status, latencyMs, id);
    });
    ctx.next();
  }
}
