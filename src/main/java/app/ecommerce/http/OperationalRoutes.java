package app.ecommerce.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /health} (liveness: the process answers) and {@code GET /ready} (readiness: every
 * check answers, each check being a round trip over the event bus to a service and its database).
 */
public final class OperationalRoutes implements RouteModule {
  private final Map<String, Function<String, Future<?>>> readinessChecks;
  private final Supplier<JsonObject> nodeDetails;

  /**
   * @param readinessChecks name → check, given the request id
   * @param nodeDetails facts about this node that both endpoints show (e.g. the cluster view)
   */
  public OperationalRoutes(Map<String, Function<String, Future<?>>> readinessChecks, Supplier<JsonObject> nodeDetails) {
    this.readinessChecks = readinessChecks;
    this.nodeDetails = nodeDetails;
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of();
  }

  @Override
  public void mount(Router router) {
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP").mergeIn(nodeDetails.get())));
    router.get("/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    JsonObject checks = new JsonObject();
    List<Future<?>> all = new java.util.ArrayList<>();
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
