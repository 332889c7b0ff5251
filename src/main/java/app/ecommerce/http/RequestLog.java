package app.ecommerce.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

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
  /** Logback's own logger: the access line is handed to its appenders as a ready event (see {@link #log}). */
  private static final Logger LOG = (Logger) LoggerFactory.getLogger("access");
  private static final String FQCN = RequestLog.class.getName();
  private static final HexFormat HEX = HexFormat.of();
  /** The status of a request whose client closed the connection before it was answered. */
  private static final int CLIENT_GONE = -1;

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
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = begin(ctx.request());
    ctx.put(KEY, id);
    long start = System.nanoTime();
    meters.began();
    ConnectionWatch watch = ConnectionWatch.attach(ctx);
    ctx.addEndHandler(done -> {
      if (watch != null) {
        watch.detach(ctx);
      }
      long nanos = System.nanoTime() - start;
      // hundredths of a millisecond, without String.format: this runs for every request
      double latencyMs = Math.round(nanos / 10_000.0) / 100.0;
      int status = ctx.response().getStatusCode();
      String method = ctx.request().method().name();
      String path = ctx.request().path();
      // a response that never ended: the connection closed first, so no status was ever sent
      boolean answered = done.succeeded();
      meters.ended(method, ctx.normalizedPath(), status, nanos, answered);
      log(method, path, answered ? status : CLIENT_GONE, latencyMs, id);
    });
    ctx.next();
  }

  /**
   * One access line, {@code GET /path 200 1.25 ms request_id=...}, with the same fields as
   * key-value pairs (the JSON format's top-level fields). Built here and given to the appenders as
   * a finished logback event, on every request: through SLF4J's fluent builder (its own event,
   * copied into logback's, then the message formatter's pass over five arguments) the line cost
   * the event loop about a third more (docs/benchmarks.md). The level check keeps the logger's configuration (level, turbo filters) in
   * charge of whether the line is written.
   */
  private static void log(String method, String path, int status, double latencyMs, String id) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    StringBuilder message = new StringBuilder(method.length() + path.length() + id.length() + 64)
        .append(method).append(' ').append(path).append(' ');
    if (status == CLIENT_GONE) {
      message.append("- client went away before the answer, after ");
    } else {
      message.append(status).append(' ');
    }
    message.append(latencyMs).append(" ms request_id=").append(id);
    LoggingEvent event = new LoggingEvent(FQCN, LOG, Level.INFO, message.toString(), null, null);
    KeyValuePair outcome = status == CLIENT_GONE ? new KeyValuePair("client_gone", true)
        : new KeyValuePair("status", status);
    event.setKeyValuePairs(Arrays.asList(new KeyValuePair("method", method), new KeyValuePair("path", path),
        outcome, new KeyValuePair("latency_ms", latencyMs), new KeyValuePair("request_id", id)));
    LOG.callAppenders(event);
  }
}
