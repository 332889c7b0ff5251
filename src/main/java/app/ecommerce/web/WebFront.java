package app.ecommerce.web;

import app.ecommerce.http.Endpoint;
import app.ecommerce.http.PlainRoute;
import app.ecommerce.http.RouteModule;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The storefront ({@code GET /}) and the admin console ({@code GET /admin/}): static files from
 * the jar ({@code web/} resources, plus Preact and uPlot from their webjars under {@code /vendor/})
 * that call the public API like any other client. Every file is sent with a strict
 * Content-Security-Policy and an ETag of its content; see {@link WebAssets}.
 */
public final class WebFront implements RouteModule {
  /**
   * No inline script or style, no other origin, no plugin, no framing. {@code img-src data:} is for
   * the SVG icons of CSS backgrounds; a style set from script (uPlot, Preact) is not an inline
   * style in CSP's sense.
   */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static final String FILES = "/(assets|vendor)/.+|/admin";

  private final WebAssets assets = WebAssets.load();

  @Override
  public List<Endpoint> endpoints() {
    return List.of();
  }

  @Override
  public List<PlainRoute> plainRoutes() {
    return List.of(
        PlainRoute.get("/", "The storefront (web shop) on this API", "text/html",
            Map.of(200, "The storefront's page; its scripts and styles are served under /assets/ and /vendor/"),
            ctx -> send(ctx, "/index.html")),
        PlainRoute.get("/admin/", "The admin console on this API (administrators only: every call it makes checks the role)",
            "text/html", Map.of(200, "The console's page; its scripts and styles are served under /assets/ and /vendor/"),
            ctx -> send(ctx, "/admin/index.html")));
  }

  /**
   * The pages' files; a path not among them falls through to the router's 404. Bound to GET and
   * HEAD and to these paths only, so that the router's 405 for the API's routes is not masked.
   */
  @Override
  public void mount(Router router) {
    router.routeWithRegex(FILES).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> {
      String path = ctx.request().path();
      if ("/admin".equals(path)) {
        ctx.response().setStatusCode(301).putHeader("Location", "/admin/").end();
      } else if (assets.servable(path)) {
        send(ctx, path);
      } else {
        ctx.next();
      }
    });
  }

  @Override
  public List<String> mountedPaths() {
    return new ArrayList<>(assets.servablePaths());
  }

  private void send(RoutingContext ctx, String path) {
    WebAssets.Asset asset = assets.get(path);
    HttpServerResponse response = ctx.response()
        .putHeader("Content-Type", asset.contentType())
        .putHeader("ETag", asset.etag())
        // revalidated on each use: a new release is seen at once, an unchanged file costs a 304
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("X-Frame-Options", "DENY");
    if (asset.etag().equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
    } else if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", String.valueOf(asset.body().length())).end();
    } else {
      response.end(asset.body());
    }
  }
}
