package app.ecommerce.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;
import java.util.UUID;

/**
 * The metrics of one node: a Prometheus registry that Vert.x reports into (SQL pool use and wait,
 * event-bus traffic), the HTTP requests by route, method and status (recorded by the router's
 * {@code RequestMeters}), the JVM figures (memory, GC, threads, CPU, class loading) and the
 * service's own business counters.
 */
public final class Metrics {
  /** Latency buckets of every Vert.x timer, in seconds: a bounded, readable histogram. */
  private static final double[] BUCKETS_SECONDS = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

  /** The client type the SQL clients (MySQL, JDBC) report their per-query metrics under. */
  private static final String SQL_CLIENT_METRICS = "sql";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerMetricsOptions options;

  public Metrics() {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("vertx")) {
          return config;
        }
        double[] slo = new double[BUCKETS_SECONDS.length];
        for (int i = 0; i < slo.length; i++) {
          slo[i] = BUCKETS_SECONDS[i] * 1e9; // timers take their SLOs in nanoseconds
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(slo).build().merge(config);
      }
    });
    options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        // a registry name of its own: several nodes in one JVM (tests) must not share one registry
        .setRegistryName("ecommerce-" + UUID.randomUUID())
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        // bounded labels only: no client addresses
        .setLabels(EnumSet.of(Label.POOL_TYPE, Label.POOL_NAME,
            Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.CLASS_NAME));
    // Only the domains operators read here: pools, the event bus (and verticles). HTTP requests
    // are counted and timed by the router instead (RequestMeters), under the same names and
    // labels: Vert.x's HTTP server metrics looked their meters up on every request. Per-socket
    // byte counters (net server/client: every read and write of every HTTP and MySQL connection)
    // and per-query SQL client timers ran on every request's hot path and measured what the HTTP
    // timers and the pool's wait/usage already tell.
    for (MetricsDomain unread : new MetricsDomain[] {
        MetricsDomain.HTTP_SERVER, MetricsDomain.NET_SERVER, MetricsDomain.NET_CLIENT, MetricsDomain.HTTP_CLIENT, MetricsDomain.DATAGRAM_SOCKET}) {
      options.addDisabledMetricsCategory(unread);
    }
    options.addDisabledMetricsCategory(SQL_CLIENT_METRICS);
  }

  /** Puts these metrics' options (labels, registry name, JVM metrics) where the factory reads them. */
  public VertxOptions configure(VertxOptions vertxOptions) {
    return vertxOptions.setMetricsOptions(options);
  }

  /**
   * Vert.x reporting into this registry: the factory is handed to the builder (the Vert.x 5 way);
   * it takes its settings from the options of {@link #configure(VertxOptions)}.
   */
  public VertxBuilder install(VertxBuilder builder) {
    return builder.withMetrics(new MicrometerMetricsFactory(registry));
  }

  public MeterRegistry registry() {
    return registry;
  }

  public PrometheusMeterRegistry prometheus() {
    return registry;
  }
}
