package app.ecommerce.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /health} (liveness: the process answers) and {@code GET /ready} (readiness: every
 * check answers, each check being a round trip over the event bus to a service and its database),
 * on the API port and on the management listener; {@code GET /metrics} (Prometheus text) on the
 * management listener only ({@link #withMetrics}), because it shows revenue and versions. Outside
 * the envelope: their formats are the ones probes and scrapers expect.
 */
public final class OperationalRoutes implements RouteModule {
  private final Map<String, Function<String, Future<?>>> readinessChecks;
  private final Supplier<JsonObject> nodeDetails;

  /**
   * @param readinessChecks name → check, given the request id; each must fail (not hang) when its
   *     service is missing, which the event bus does at once or at the request's timeout
   * @param nodeDetails facts about this node that both endpoints show (e.g. the cluster view)
   */
  public OperationalRoutes(Map<String, Function<String, Future<?>>> readinessChecks, Supplier<JsonObject> nodeDetails) {
    this.readinessChecks = readinessChecks;
    this.nodeDetails = nodeDetails;
  }

  /** The management listener's routes: these plus {@code GET /metrics} on {@code metrics}. */
  public RouteModule withMetrics(PrometheusMeterRegistry metrics) {
    List<PlainRoute> routes = new ArrayList<>(plainRoutes());
    routes.add(PlainRoute.get("/metrics", "Prometheus metrics: HTTP by route and status, SQL pool, event bus, JVM, "
            + "purchases and revenue", "text/plain",
        Map.of(200, "Prometheus text exposition format (OpenMetrics when the scraper asks for it)"),
        PrometheusScrapingHandler.create(metrics)));
    return new RouteModule() {
      @Override
      public List<Endpoint> endpoints() {
        return List.of();
      }

      @Override
      public List<PlainRoute> plainRoutes() {
        return routes;
      }
    };
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of();
  }

  @Override
  public List<PlainRoute> plainRoutes() {
    return List.of(
        PlainRoute.get("/health", "Liveness: the process answers", "application/json",
            Map.of(200, "{\"status\":\"UP\"}, plus the cluster view on a clustered node"),
            ctx -> json(ctx, 200, new JsonObject().put("status", "UP").mergeIn(nodeDetails.get())))
            .answering(status(Schemas.constant("UP"))),
        PlainRoute.get("/ready", "Readiness: every service answers over the event bus, and its database",
            "application/json", Map.of(
                200, "{\"status\":\"UP\",\"checks\":{\"<name>\":\"UP\",...}}",
                503, "{\"status\":\"DOWN\",\"checks\":{...}} with Retry-After: a service or the database does not answer"),
            this::ready)
            .answering(status(Schemas.oneOf("UP", "DOWN")).put("required", new JsonArray().add("status").add("checks"))));
  }

  /**
   * {@code {status, checks?}} and, on a clustered node, {@code cluster_members} and {@code node}: a
   * probe reads status; the rest may grow, so other keys are allowed.
   */
  private static JsonObject status(JsonObject status) {
    return new JsonObject().put("type", "object").put("required", new JsonArray().add("status"))
        .put("properties", new JsonObject().put("status", status)
            .put("checks", new JsonObject().put("type", "object").put("additionalProperties", Schemas.oneOf("UP", "DOWN")))
            .put("cluster_members", Schemas.id())
            .put("node", Schemas.text()));
  }

  private void ready(RoutingContext ctx) {
    JsonObject checks = new JsonObject();
    List<Future<?>> all = new ArrayList<>();
    readinessChecks.forEach((name, check) -> all.add(check.apply(RequestLog.id(ctx))
        .onSuccess(ok -> checks.put(name, "UP"))
        .onFailure(failure -> checks.put(name, "DOWN"))));
    Future.join(all).onComplete(done -> {
      boolean up = done.succeeded();
      if (!up) {
        ctx.response().putHeader("Retry-After", "5");
      }
      json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", checks)
          .mergeIn(nodeDetails.get()));
    });
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
