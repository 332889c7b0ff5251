package app.ecommerce.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /openapi.json}, generated from the route modules it is given plus its own routes,
 * and {@code GET /docs}: Swagger UI from the webjar inside the jar (no CDN, works offline).
 */
final class ApiDocs implements RouteModule {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  /** Served by {@link #mount} and named again in {@link #mountedPaths}: one spelling for both. */
  private static final String INITIALIZER_PATH = "/docs/swagger-initializer.js";
  /** The only webjar files the page loads; anything else under /docs/ is a 404. */
  private static final Map<String, String> ASSETS = Map.of(
      "swagger-ui.css", "text/css; charset=utf-8",
      "index.css", "text/css; charset=utf-8",
      "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
      "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
      "favicon-32x32.png", "image/png",
      "favicon-16x16.png", "image/png");

  private final List<PlainRoute> routes;
  private final Buffer document;

  ApiDocs(List<RouteModule> features) {
    routes = List.of(
        PlainRoute.get("/openapi.json", "This document (OpenAPI 3.1)", "application/json",
            Map.of(200, "The OpenAPI document"), ctx -> send(ctx, "application/json", document(), false)),
        PlainRoute.get("/docs", "Swagger UI on /openapi.json", "text/html",
            Map.of(200, "The Swagger UI page; its assets are served under /docs/"),
            ctx -> send(ctx, "text/html; charset=utf-8", Resources.INDEX, false)));
    List<RouteModule> all = new ArrayList<>(features);
    all.add(this);
    document = OpenApi.document(all).toBuffer();
  }

  private Buffer document() {
    return document;
  }

  /** The document as JSON (for tests and tools). */
  JsonObject json() {
    return new JsonObject(document);
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of();
  }

  @Override
  public List<PlainRoute> plainRoutes() {
    return routes;
  }

  @Override
  public void mount(Router router) {
    HttpVerticle.withHead(router.route("/docs/"), HttpMethod.GET).handler(ctx -> send(ctx, "text/html; charset=utf-8", Resources.INDEX, false));
    HttpVerticle.withHead(router.route(INITIALIZER_PATH), HttpMethod.GET)
        .handler(ctx -> send(ctx, "text/javascript; charset=utf-8", Resources.INITIALIZER, false));
    HttpVerticle.withHead(router.route("/docs/:asset"), HttpMethod.GET).handler(ctx -> {
      String name = ctx.pathParam("asset");
      Buffer asset = Resources.asset(name);
      if (asset == null) {
        ctx.next();
      } else {
        send(ctx, ASSETS.get(name), asset, true);
      }
    });
  }

  /** The page's script and its webjar files: a fixed set, so one route label each. */
  @Override
  public List<String> mountedPaths() {
    List<String> paths = new ArrayList<>();
    paths.add(INITIALIZER_PATH);
    ASSETS.keySet().stream().sorted().forEach(asset -> paths.add("/docs/" + asset));
    return paths;
  }

  private static void send(RoutingContext ctx, String contentType, Buffer body, boolean cacheable) {
    if (cacheable) {
      ctx.response().putHeader("Cache-Control", "public, max-age=86400");
    }
    ctx.response().putHeader("Content-Type", contentType).end(body);
  }

  /** Read from the jar once per process, on first use; a few megabytes in all. */
  private static final class Resources {
    static final Buffer INDEX = read("docs/index.html");
    static final Buffer INITIALIZER = read("docs/swagger-initializer.js");
    private static final String ROOT = WEBJAR + webjarVersion() + "/";
    private static final Map<String, Buffer> LOADED = load();

    static Buffer asset(String name) {
      return LOADED.get(name);
    }

    private static Map<String, Buffer> load() {
      Map<String, Buffer> loaded = new HashMap<>();
      ASSETS.keySet().forEach(name -> loaded.put(name, read(ROOT + name)));
      return Map.copyOf(loaded);
    }

    private static String webjarVersion() {
      Properties pom = new Properties();
      try (InputStream in = open("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
        pom.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return pom.getProperty("version");
    }

    private static Buffer read(String resource) {
      try (InputStream in = open(resource)) {
        return Buffer.buffer(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static InputStream open(String resource) throws IOException {
      InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("missing from the jar: " + resource);
      }
      return in;
    }
  }
}
