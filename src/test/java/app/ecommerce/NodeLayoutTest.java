package app.ecommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ecommerce.catalog.impl.CatalogVerticle;
import app.ecommerce.config.Cores;
import app.ecommerce.http.HttpVerticle;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestDatabase;
import io.netty.channel.EventLoop;
import io.vertx.core.Deployable;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.deployment.Deployment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Where a node's verticles run. A pooled SQL connection does its I/O on the event loop that opened
 * it, so an event loop without an HTTP verticle holds connections that every request reaches
 * across threads; and an HTTP verticle without a catalog instance on its loop calls the catalog
 * over the bus. Checked on the started node's own deployments (the layout is the same on every
 * engine).
 */
class NodeLayoutTest extends EngineTest {
  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Test
  void everyEventLoopOfTheNodeServesHttpAndHasACatalogInstance() {
    VertxInternal vertx = (VertxInternal) server.app().vertx();
    Set<EventLoop> loops = new HashSet<>();
    vertx.nettyEventLoopGroup().forEach(executor -> loops.add((EventLoop) executor));
    assertEquals(Cores.available(), loops.size(), "one event loop per core");

    List<String> deployments = new ArrayList<>(server.app().httpDeployments());
    deployments.addAll(server.app().serviceDeployments());
    assertEquals(loops, loopsOf(vertx, deployments, HttpVerticle.class), "event loops with an HTTP verticle");
    assertEquals(loops, loopsOf(vertx, deployments, CatalogVerticle.class), "event loops with a catalog instance");
  }

  private static Set<EventLoop> loopsOf(VertxInternal vertx, List<String> deploymentIds, Class<? extends Deployable> type) {
    return deploymentIds.stream()
        .map(id -> vertx.deploymentManager().deployment(id).deployment())
        .filter(deployment -> deployment.instances().stream().allMatch(type::isInstance))
        .map(Deployment::contexts)
        .flatMap(Set::stream)
        .map(context -> ((ContextInternal) context).nettyEventLoop())
        .collect(Collectors.toSet());
  }
}
