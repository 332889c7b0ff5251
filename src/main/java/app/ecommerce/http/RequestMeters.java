package app.ecommerce.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP server's request meters, recorded when a response ends ({@link RequestLog}):
 * {@code vertx_http_server_requests_total} and {@code vertx_http_server_response_time_seconds}
 * by {@code route} (the route's path, or "" when no route has it), {@code method} and
 * {@code code}, and {@code vertx_http_server_active_requests}. These are the names and labels of
 * Vert.x Micrometer's own HTTP server metrics, which this replaces (see {@code Metrics}): those
 * labelled whatever method a client sent, so that invented methods added series without bound
 * (30 of them on a missing path: 780 series), and they built the tags and looked four meters up
 * in the registry on every request; here every
 * label has a bounded set of values, and the meters of a route, method and status are found once
 * and kept. Thread-safe: one instance serves every HTTP verticle of the node.
 */
public final class RequestMeters {
  /** The route label of a request whose path no route has (Vert.x Micrometer's label too). */
  static final String UNMATCHED = "";
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
  /** The method label of any other method: a client must not be able to add labels at will. */
  private static final String OTHER_METHOD = "OTHER";
  private static final int STATUSES = 600;

  private final MeterRegistry registry;
  private final Map<String, RouteMeters> routes = new ConcurrentHashMap<>();
  private final RouteMeters unmatched;
  private final LongAdder active = new LongAdder();

  public RequestMeters(MeterRegistry registry) {
    this.registry = registry;
    this.unmatched = new RouteMeters(UNMATCHED);
    registry.gauge("vertx.http.server.active.requests", active, LongAdder::doubleValue);
  }

  /** Gives requests to {@code path} their own route label; called for every path of the router. */
  public void route(String path) {
    routes.computeIfAbsent(path, RouteMeters::new);
  }

  /** A request has begun; {@link #ended} must follow once. */
  void began() {
    active.increment();
  }

  /**
   * A request {@link #began} has ended after {@code nanos}: answered with {@code status}, or not
   * answered at all (the connection closed first), which is not counted as a status.
   */
  void ended(String method, String path, int status, long nanos, boolean answered) {
    active.decrement();
    if (answered) {
      record(method, path, status, nanos);
    }
  }

  /** Counts and times one answered request (one that never {@link #began} as well: a malformed one). */
  void record(String method, String path, int status, long nanos) {
    RouteMeters route = path == null ? unmatched : routes.get(path);
    if (route == null) { // the router matches "/x/" to the route of "/x" too
      route = path.length() > 1 && path.endsWith("/") ? routes.getOrDefault(path.substring(0, path.length() - 1), unmatched)
          : unmatched;
    }
    Recorded meters = route.of(methodIndex(method), status);
    meters.requests.increment();
    meters.latency.record(nanos, TimeUnit.NANOSECONDS);
  }

  private static int methodIndex(String method) {
    for (int i = 0; i < METHODS.length; i++) {
      if (METHODS[i].equals(method)) {
        return i;
      }
    }
    return METHODS.length;
  }

  private record Recorded(Counter requests, Timer latency) {
  }

  /** The meters of one route label, by method and status, each made on first use. */
  private final class RouteMeters {
    private final String label;
    private final AtomicReferenceArray<AtomicReferenceArray<Recorded>> byMethod =
        new AtomicReferenceArray<>(METHODS.length + 1);

    RouteMeters(String label) {
      this.label = label;
    }

    Recorded of(int method, int status) {
      if (status < 0 || status >= STATUSES) {
        return register(method, status); // never sent by this service; counted, not kept
      }
      AtomicReferenceArray<Recorded> byStatus = byMethod.get(method);
      if (byStatus == null) {
        byMethod.compareAndSet(method, null, new AtomicReferenceArray<>(STATUSES));
        byStatus = byMethod.get(method);
      }
      Recorded recorded = byStatus.get(status);
      if (recorded == null) {
        // a race registers the same meters twice: the registry hands both callers the same ones
        recorded = register(method, status);
        byStatus.set(status, recorded);
      }
      return recorded;
    }

    private Recorded register(int method, int status) {
      String methodLabel = method < METHODS.length ? METHODS[method] : OTHER_METHOD;
      String code = String.valueOf(status);
      return new Recorded(
          Counter.builder("vertx.http.server.requests")
              .description("Number of processed requests")
              .tags("route", label, "method", methodLabel, "code", code)
              .register(registry),
          Timer.builder("vertx.http.server.response.time")
              .description("Request processing time")
              .tags("route", label, "method", methodLabel, "code", code)
              .register(registry));
    }
  }
}
