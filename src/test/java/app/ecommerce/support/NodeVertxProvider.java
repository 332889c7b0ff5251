package app.ecommerce.support;

import app.ecommerce.NodeVertx;
import io.vertx.junit5.ParameterClosingConsumer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxExtensionParameterProvider;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Lets {@link VertxExtension} inject a {@link NodeVertx}, the Vert.x a node runs on in production
 * (metrics into the node's registry, one event loop per core), and close it when its scope ends: a
 * {@code @BeforeAll} parameter lives as long as the test class, a test method's as long as the
 * test. The extension's own {@code Vertx} parameter is a plain {@code Vertx.vertx()}, without the
 * metrics that {@code MetricsTest} reads or the layout that {@code NodeLayoutTest} checks.
 */
public final class NodeVertxProvider implements VertxExtensionParameterProvider<NodeVertx> {

  @Override
  public Class<NodeVertx> type() {
    return NodeVertx.class;
  }

  @Override
  public String key() {
    return "NodeVertx";
  }

  @Override
  public NodeVertx newInstance(ExtensionContext extensionContext, ParameterContext parameterContext) {
    return NodeVertx.local();
  }

  @Override
  public ParameterClosingConsumer<NodeVertx> parameterClosingConsumer() {
    return node -> node.close().await(VertxExtension.DEFAULT_TIMEOUT_DURATION, VertxExtension.DEFAULT_TIMEOUT_UNIT);
  }
}
