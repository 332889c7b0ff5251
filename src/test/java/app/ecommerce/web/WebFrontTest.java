package app.ecommerce.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.Expect;
import app.ecommerce.support.TestDatabase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How the web front's files are served (the browser test covers what they do): the strict CSP on
 * every file, ETags and 304s, nothing outside the fixed set, and pages with no inline script,
 * inline style or event-handler attribute for the CSP to refuse.
 */
class WebFrontTest extends EngineTest {
  private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>", Pattern.CASE_INSENSITIVE);

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Test
  void pagesAndTheirFilesCarryTheStrictPolicy() {
    for (String path : List.of("/", "/admin/", "/assets/shop/main.js", "/assets/admin/main.js", "/assets/shop.css",
        "/vendor/preact.js", "/vendor/uplot.js", "/vendor/uplot.css")) {
      Api.Response r = api.get(path).send();
      assertEquals(200, r.status(), path);
      assertEquals(WebFront.CSP, r.header("Content-Security-Policy"), path);
      assertTrue(WebFront.CSP.startsWith("default-src 'self'; script-src 'self';"));
      assertEquals("DENY", r.header("X-Frame-Options"), path);
      assertEquals("no-cache", r.header("Cache-Control"), path);
      assertNotNull(r.header("ETag"), path);
    }
    assertTrue(api.get("/").send().header("Content-Type").startsWith("text/html"));
    assertTrue(api.get("/vendor/preact.js").send().header("Content-Type").startsWith("text/javascript"));
  }

  @Test
  void anUnchangedFileIsA304() {
    String etag = api.get("/assets/shop/main.js").send().header("ETag");
    Api.Response again = api.get("/assets/shop/main.js").header("If-None-Match", etag).send();
    assertEquals(304, again.status());
    assertEquals("", again.body());
    assertEquals(200, api.get("/assets/shop/main.js").header("If-None-Match", "\"other\"").send().status());
  }

  @Test
  void onlyTheFrontsOwnFilesAreServed() {
    Expect.error(api.get("/assets/nothing.js").send(), 404, "Not Found");
    Expect.error(api.get("/assets/../pom.xml").send(), 404);
    Expect.error(api.get("/vendor/preact.module.js.map").send(), 404, "Not Found");
    Expect.error(api.get("/index.html").send(), 404, "Not Found");
    Api.Response admin = api.get("/admin").send();
    assertEquals(301, admin.status());
    assertEquals("/admin/", admin.header("Location"));
  }

  @Test
  void thePagesHaveNoInlineScriptOrStyle() {
    for (String page : List.of("/", "/admin/")) {
      String html = api.get(page).send().body();
      Matcher scripts = SCRIPT.matcher(html);
      int count = 0;
      while (scripts.find()) {
        count++;
        assertTrue(scripts.group(1).contains("src="), page + " has an inline script: " + scripts.group());
      }
      assertTrue(count > 0, page);
      assertFalse(html.toLowerCase().contains("<style"), page);
      assertFalse(html.toLowerCase().contains(" style="), page);
      assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), page);
    }
  }
}
