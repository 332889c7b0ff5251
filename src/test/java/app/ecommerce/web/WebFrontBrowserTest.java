package app.ecommerce.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ecommerce.support.Api;
import app.ecommerce.support.Browser;
import app.ecommerce.support.EngineTest;
import app.ecommerce.support.TestDatabase;
import app.ecommerce.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The storefront and the admin console in a real headless Chromium against the real server on a
 * real SQLite database with the demo data: one server and one browser for the whole class. Every
 * page visited is checked by axe-core (no serious or critical violation) and, at 390 px, for
 * sideways scrolling. Navigation Timing figures are printed, never asserted. With
 * {@code -Dweb.screenshots=true} the screenshots in docs/screenshots/ are made again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebFrontBrowserTest extends EngineTest {
  private static final String XSS = "<img src=x onerror=alert(1)>";
  private Browser browser;
  private final List<String> accessibility = new ArrayList<>();

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite();
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of("DEMO_DATA", "true", "ADMIN_TIMEZONE", "America/New_York");
  }

  /** After the server's start ({@link EngineTest}'s {@code @BeforeAll} runs first). */
  @BeforeAll
  void openBrowser() {
    browser = new Browser(api.base());
  }

  /** Before the server's stop. */
  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** axe on the page as it is now; violations are collected and asserted by the last test. */
  private void axe(String page) {
    browser.seriousAccessibilityViolations().forEach(v -> accessibility.add(page + ": " + v));
  }

  @Test
  @Order(1)
  void firstVisitsAreMeasured() {
    Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
    // a shop's server has run before its first visitor: one untimed round through the three pages
    browser.open("/");
    browser.find(".grid .card");
    browser.open("/#/product/1");
    browser.find(".product h1");
    adminLogIn("/admin/#/dashboard");
    browser.find("#dashboard-total");
    adminLogOut();
    browser.clearCache();
    browser.open("/");
    browser.find(".grid .card");
    figures.put("storefront /", browser.timing());
    browser.clearCache();
    browser.open("/?view=product#/product/1");
    browser.find(".product h1");
    figures.put("product page", browser.timing());
    browser.clearCache();
    adminLogIn("/admin/?view=dashboard#/dashboard");
    browser.find("#dashboard-total");
    // the log-in went before: measure a fresh load of the dashboard itself, signed in
    browser.clearCache();
    browser.open("/admin/?view=dashboard#/dashboard");
    browser.find("#dashboard-total");
    browser.find(".chart canvas");
    figures.put("dashboard", browser.timing());
    adminLogOut();
    // the shop as a visitor first sees it, before the other tests add their products
    browser.open("/");
    browser.script("sessionStorage.clear()");
    browser.open("/");
    browser.find(".grid .card");
    screenshot("shop-desktop");
    browser.route("#/product/2");
    browser.find(".product h1");
    screenshot("product-desktop");
    browser.resize(390, 844);
    browser.route("#/");
    browser.find(".grid .card");
    screenshot("shop-phone");
    browser.resize(1400, 1000);
    StringBuilder report = new StringBuilder("Web front, first visit (empty cache), Navigation Timing:\n");
    figures.forEach((page, t) -> report.append(String.format("  %-14s load event %5s ms, content shown %5s ms, %7s bytes in %s requests%n",
        page, t.get("load"), t.get("content"), t.get("bytes"), t.get("requests"))));
    System.out.print(report);
  }

  @Test
  @Order(2)
  void customerRegistersSearchesBuysTwoAndADoubleClickIsChargedOnce() {
    long lamp = product("Harbor Lamp 29", "12.50", 20);
    long kettle = product("Harbor Kettle 29", "30.05", 20);

    browser.open("/#/register");
    browser.find("#first_name");
    axe("register");
    // wrong values first: each refusal is a sentence beside its field
    browser.type("#first_name", "Al");
    browser.type("#last_name", "Shopper");
    browser.type("#email", "not-an-email");
    browser.type("#password", "short");
    browser.click("main form button[type=submit]");
    assertFalse(browser.find("#first_name-error").getText().isBlank());
    assertFalse(browser.find("#email-error").getText().isBlank());
    assertFalse(browser.find("#password-error").getText().isBlank());
    assertEquals("first_name-error", browser.find("#first_name").getAttribute("aria-describedby"));
    axe("register with errors");
    String email = "shopper-" + System.nanoTime() + "@example.com";
    browser.type("#first_name", "Alma");
    browser.type("#email", email);
    browser.type("#password", "correct horse battery");
    browser.click("main form button[type=submit]");
    browser.findText(".account-nav", "Alma");

    browser.type("#search", "harbor");
    browser.press(Keys.ENTER);
    browser.waitUntil(d -> browser.present(".grid .card") && d.findElements(org.openqa.selenium.By.cssSelector(".grid .card")).size() == 2);
    axe("search results");
    browser.findText(".card-name", "Harbor Lamp 29").click();
    browser.find(".product h1");
    axe("product page");
    browser.click(".add-form button");
    browser.findText(".notice.success", "Added 1");
    browser.route("#/product/" + kettle);
    browser.findText(".product h1", "Harbor Kettle 29");
    browser.type("#quantity", "2");
    browser.click(".add-form button");
    browser.findText(".notice.success", "Added 2");
    browser.open("/#/cart"); // a reload: the cart is kept
    assertEquals("3", browser.find("#cart-count").getText());
    assertEquals("$72.60", browser.find("#cart-total").getText());
    axe("cart");

    WebElement order = browser.find("#checkout");
    browser.doubleClick(order);
    String placed = browser.find(".notice.success").getText();
    assertTrue(placed.contains("$72.60"), placed);

    Api.Response purchases = api.get("get_purchases").token(server.api().login(email, "correct horse battery")).send();
    JsonArray list = purchases.data().getJsonArray("purchases");
    assertEquals(1, list.size(), "charged once: " + purchases);
    assertEquals("72.60", list.getJsonObject(0).getString("total_amount"));
    assertEquals(19, stock(lamp));
    assertEquals(18, stock(kettle));
    assertEquals("0", browser.find("#cart-count").getText());

    browser.route("#/orders");
    browser.findText(".order-row", "$72.60");
    axe("my purchases");
    browser.find(".order-row a").click();
    assertEquals("$72.60", browser.find("#order-total").getText());
    axe("one purchase");
    browser.route("#/account");
    browser.find("#p-first");
    axe("profile");
    customerLogOut();
  }

  @Test
  @Order(3)
  void failedLinesStayInTheCartWithTheirReason() {
    long last = product("Lonely Kite 29", "9.99", 1);
    TestServer.Customer other = server.newCustomer("UTC");
    customerLogIn(server.newCustomer("Europe/Berlin"));
    browser.route("#/product/" + last);
    browser.click(".add-form button");
    browser.findText(".notice.success", "Added 1");
    // someone else buys the last one first
    assertEquals(200, api.post("purchase_products").token(other.token())
        .json(new JsonObject().put("items", new JsonArray().add(new JsonObject().put("product_id", last).put("quantity", 1)))).send().status());
    browser.route("#/cart");
    WebElement quantity = browser.find("input.qty");
    quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
    browser.findText("#cart-total", "$19.98");
    browser.click("#checkout");
    browser.findText(".notice.error", "Nothing could be bought");
    assertTrue(browser.find(".line-problem").getText().contains("Not enough stock"));
    assertEquals("2", browser.find("#cart-count").getText(), "the failed line stays in the cart");
    customerLogOut();
  }

  @Test
  @Order(4)
  void anExpiredSessionLogsInAndComesBack() {
    TestServer.Customer customer = server.newCustomer("UTC");
    customerLogIn(customer);
    String token = (String) browser.script("return sessionStorage.getItem('ecommerce.token')");
    assertEquals(200, api.post("logout_user").token(token).send().status());
    browser.route("#/orders");
    browser.findText(".notice.info", "log in");
    axe("log in");
    browser.type("#login-email", customer.email());
    browser.type("#login-password", customer.password());
    browser.click("main form button[type=submit]");
    browser.findText("main h1", "My purchases");
    assertTrue(((String) browser.script("return location.hash")).startsWith("#/orders"));
    customerLogOut();
  }

  @Test
  @Order(5)
  void checkoutWorksWithTheKeyboardAlone() {
    long mug = product("Keyboard Mug 29", "7.25", 5);
    TestServer.Customer customer = server.newCustomer("UTC");
    browser.open("/#/login");
    browser.find("#login-email");
    browser.tabTo("#login-email").sendKeys(customer.email());
    browser.tabTo("#login-password").sendKeys(customer.password());
    browser.press(Keys.ENTER);
    browser.findText(".account-nav", "Test");
    browser.tabTo("#search").sendKeys("keyboard mug");
    browser.press(Keys.ENTER);
    browser.findText(".card-name", "Keyboard Mug 29");
    browser.tabTo(".card-link");
    browser.press(Keys.ENTER);
    browser.findText(".product h1", "Keyboard Mug 29");
    browser.tabTo(".add-form button");
    browser.press(Keys.ENTER);
    browser.findText(".notice.success", "Added 1");
    browser.tabTo("#cart-link");
    browser.press(Keys.ENTER);
    browser.find("#checkout");
    browser.tabTo("#checkout");
    browser.press(Keys.ENTER);
    browser.findText(".notice.success", "$7.25");
    assertEquals(4, stock(mug));
    customerLogOut();
  }

  @Test
  @Order(6)
  void aProductNamedLikeHtmlIsShownAsText() {
    long id = product(XSS, "5.00", 3);
    browser.open("/#/product/" + id);
    assertEquals(XSS, browser.find(".product h1").getText());
    browser.open("/#/?q=onerror");
    assertEquals(XSS, browser.findText(".card-name", "onerror").getText());
    assertFalse(browser.alertOpen(), "no script ran");
    assertFalse(browser.present("main img"), "no element was made from the name");
    adminLogIn("/admin/#/products");
    assertEquals(XSS, browser.findText("#products td", "onerror").getText());
    assertFalse(browser.alertOpen(), "no script ran in the console");
    adminLogOut();
  }

  @Test
  @Order(7)
  void adminCreatesStocksSeesDeactivatesAndTheProductDisappears() {
    adminLogIn("/admin/#/products");
    axe("console products");
    browser.click("#new-product");
    browser.type("#p-name", "Console Lantern 29");
    browser.type("#p-price", "19.90");
    browser.setValue("#p-category", "1");
    browser.type("#p-description", "Made in the console");
    browser.click("#product-form button[type=submit]");
    browser.findText(".notice.success", "Console Lantern 29");
    browser.findText("#products tr", "Console Lantern 29").findElement(org.openqa.selenium.By.linkText("Stock")).click();
    browser.find("#add-quantity");
    browser.type("#add-quantity", "7");
    browser.click("form[aria-labelledby=add-title] button");
    browser.findText("#stock-quantity", "7");
    browser.type("#adj-change", "-2");
    browser.type("#adj-note", "two broken in transit");
    browser.click("form[aria-labelledby=adj-title] button");
    browser.findText("#stock-quantity", "5");
    browser.findText("#movements td", "two broken in transit");
    axe("console product stock");

    browser.open("/#/?q=console%20lantern");
    browser.findText(".card", "Console Lantern 29");
    assertTrue(browser.findText(".card", "Console Lantern 29").getText().contains("Only 5 left"));

    browser.open("/admin/#/products");
    browser.findText("#products tr", "Console Lantern 29").findElement(org.openqa.selenium.By.cssSelector("button.danger")).click();
    browser.findText(".notice.success", "no longer sold");
    browser.open("/#/?q=console%20lantern");
    browser.find(".empty");
    assertFalse(browser.present(".card"));
    long id = api.get("get_products").token(server.adminToken()).query("q", "console lantern").query("include_inactive", "true")
        .send().data().getJsonArray("products").getJsonObject(0).getLong("id");
    assertEquals(404, api.get("get_product").query("product_id", id).send().status(), "gone for shoppers");
    adminLogOut();
  }

  @Test
  @Order(8)
  void dashboardTotalEqualsGetSalesData() {
    adminLogIn("/admin/#/dashboard");
    browser.find("#dashboard-total");
    axe("dashboard");
    // March 2026 in New York: 31 days, one of them 23 hours long
    browser.setValue("#d-start", "2026-03-01");
    browser.setValue("#d-end", "2026-03-31");
    browser.setValue("#d-buckets", "daily");
    browser.click(".toolbar button[type=submit]");
    browser.waitUntil(d -> browser.present("details table tbody tr")
        && d.findElements(org.openqa.selenium.By.cssSelector("details table tbody tr")).size() == 31);
    JsonObject api = this.api.get("get_sales_data").token(server.adminToken()).query("start_date", "2026-03-01")
        .query("end_date", "2026-03-31").query("include_sales_items", "false").send().data();
    String total = api.getString("total_revenue");
    browser.waitUntil(d -> total.equals(browser.find("#dashboard-total").getAttribute("data-amount")));
    assertFalse(browser.present(".notice.error"), "the periods add up to the total");
    browser.setValue("#d-buckets", "monthly");
    browser.setValue("#d-start", "2025-01-01");
    browser.setValue("#d-end", "2025-12-31");
    browser.click(".toolbar button[type=submit]");
    String year = this.api.get("get_sales_data").token(server.adminToken()).query("start_date", "2025-01-01")
        .query("end_date", "2025-12-31").query("include_sales_items", "false").send().data().getString("total_revenue");
    browser.waitUntil(d -> year.equals(browser.find("#dashboard-total").getAttribute("data-amount")));
    screenshot("admin-dashboard-desktop");
    for (String page : List.of("categories", "stock", "purchases", "users")) {
      browser.route("#/" + page);
      browser.find("main h1");
      browser.waitUntil(d -> !browser.present("main .muted") || true);
      browser.find(page.equals("categories") ? "main table" : page.equals("stock") ? "#s-threshold" : "main table");
      axe("console " + page);
    }
    adminLogOut();
  }

  @Test
  @Order(9)
  void adminDeactivatesAndPromotesUsersInTheConsole() {
    TestServer.Customer customer = server.newCustomer("UTC");
    adminLogIn("/admin/#/users");
    browser.type("#u-q", customer.email());
    browser.click("form[role=search] button");
    browser.findText("#users tr", customer.email());
    browser.click("#users button.danger");
    browser.findText(".notice.success", "deactivated");
    assertEquals(401, api.get("get_me").token(customer.token()).send().status(), "the deactivated user is out at once");
    browser.findText("#users tr", "Deactivated");
    browser.findText("#users button", "Make admin").click();
    browser.findText(".notice.success", "administrator");
    assertEquals("admin", api.get("get_users").token(server.adminToken()).query("q", customer.email()).send()
        .data().getJsonArray("users").getJsonObject(0).getString("role"));
    adminLogOut();
  }

  @Test
  @Order(10)
  void customersNeverReachTheConsole() {
    TestServer.Customer customer = server.newCustomer("UTC");
    customerLogIn(customer);
    browser.open("/admin/");
    browser.findText("main h1", "Administrators only");
    assertFalse(browser.present(".console-nav a"), "no console section is offered");
    axe("console refusal");
    for (String endpoint : List.of("get_sales_data", "get_users", "get_low_stock_products")) {
      assertEquals(403, api.get(endpoint).token(customer.token()).query("start_date", "2025-01-01")
          .query("end_date", "2025-01-02").send().status(), endpoint);
    }
    assertEquals(403, api.put("create_product").token(customer.token()).json(new JsonObject()
        .put("product_name", "Nope").put("category_id", 1).put("price", "1.00")).send().status());
    browser.open("/");
    customerLogOut();
  }

  @Test
  @Order(11)
  void filtersNarrowTheGridAndTheProfileSavesWhatItShows() {
    browser.open("/#/?min=100&max=500");
    browser.find(".grid .card");
    for (WebElement price : browser.driver().findElements(org.openqa.selenium.By.cssSelector(".card .price"))) {
      java.math.BigDecimal amount = new java.math.BigDecimal(price.getText().replace("$", "").replace(",", ""));
      assertTrue(amount.compareTo(new java.math.BigDecimal("100")) >= 0 && amount.compareTo(new java.math.BigDecimal("500")) <= 0,
          "price filter: " + amount);
    }
    browser.open("/#/?min=abc");
    assertFalse(browser.find("#min-price-error").getText().isBlank(), "a 422 on min_price shows beside the field");
    browser.open("/#/?stock=1&q=kite");
    browser.find(".empty");
    assertFalse(browser.present(".card"), "the sold-out kite is left out with in stock only");

    TestServer.Customer customer = server.newCustomer("UTC");
    customerLogIn(customer);
    browser.route("#/account");
    browser.type("#p-last", "Renamed");
    browser.setValue("#p-zone", "Asia/Karachi");
    browser.click("form[aria-labelledby=details-title] button");
    browser.findText(".notice.success", "saved");
    JsonObject me = api.get("get_me").token(customer.token()).send().data();
    assertEquals("Renamed", me.getString("last_name"));
    assertEquals("Asia/Karachi", me.getString("timezone"));
    browser.type("#current-password", "not-the-password");
    browser.type("#new-password", "a-new-password-29");
    browser.click("form[aria-labelledby=password-title] button");
    assertFalse(browser.find("#current-password-error").getText().isBlank());
    browser.type("#current-password", customer.password());
    browser.click("form[aria-labelledby=password-title] button");
    browser.findText(".notice.success", "password is changed");
    assertEquals(200, api.post("login_user").json(new JsonObject().put("email", customer.email())
        .put("password", "a-new-password-29")).send().status());
    axe("profile after changes");
    customerLogOut();
  }

  @Test
  @Order(12)
  void adminManagesCategoriesAndFiltersPurchases() {
    adminLogIn("/admin/#/categories");
    browser.findText("main button", "New category").click();
    String slug = "garden-" + System.nanoTime();
    browser.type("#c-name", "Garden");
    browser.type("#c-slug", "Not A Slug");
    browser.click("main form button[type=submit]");
    assertFalse(browser.find("#c-slug-error").getText().isBlank(), "the slug's rule shows beside it");
    browser.type("#c-slug", slug);
    browser.click("main form button[type=submit]");
    browser.findText("main table tr", slug);
    browser.findText("main table tr", slug).findElement(org.openqa.selenium.By.cssSelector("button.secondary")).click();
    browser.type("#c-name", "Garden and Patio");
    browser.click("main form button[type=submit]");
    browser.findText("main table tr", "Garden and Patio");
    browser.findText("main table tr", "Electronics").findElement(org.openqa.selenium.By.cssSelector("button.danger")).click();
    browser.findText(".notice.error", "still has products");
    browser.findText("main table tr", slug).findElement(org.openqa.selenium.By.cssSelector("button.danger")).click();
    browser.findText(".notice.success", "Deleted");
    browser.waitUntil(d -> !browser.findText("main table", "Electronics").getText().contains(slug));

    TestServer.Customer buyer = server.newCustomer("UTC");
    long item = product("Filter Vase 29", "3.00", 5);
    assertEquals(200, api.post("purchase_products").token(buyer.token()).json(new JsonObject().put("items",
        new JsonArray().add(new JsonObject().put("product_id", item).put("quantity", 2)))).send().status());
    browser.route("#/purchases");
    browser.type("#pu-user", String.valueOf(buyer.id()));
    browser.click("main form button[type=submit]");
    browser.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector("#purchases tbody tr")).size() == 1);
    assertTrue(browser.find("#purchases tbody tr").getText().contains("2 × Filter Vase 29"));
    browser.route("#/stock");
    browser.type("#s-threshold", "3");
    browser.click("section form button[type=submit]");
    browser.findText("#low-stock tr", "Filter Vase 29");
    adminLogOut();
  }

  @Test
  @Order(13)
  void noPageScrollsSidewaysAt390Pixels() {
    browser.resize(390, 844);
    try {
      TestServer.Customer customer = server.newCustomer("UTC");
      customerLogIn(customer);
      Map<String, String> shop = new LinkedHashMap<>();
      shop.put("#/", ".grid .card");
      shop.put("#/product/1", ".product h1");
      shop.put("#/cart", "main h1");
      shop.put("#/orders", "main h1");
      shop.put("#/account", "#p-first");
      browser.route("#/product/1");
      browser.click(".add-form button");
      for (Map.Entry<String, String> page : shop.entrySet()) {
        browser.route(page.getKey());
        browser.find(page.getValue());
        assertEquals(0, browser.overflowPixels(), () -> "sideways scroll on " + page.getKey() + ": " + browser.overflowing());
      }
      browser.route("#/cart");
      browser.find("#checkout");
      axe("cart at 390 px");
      customerLogOut();
      for (String page : List.of("#/login", "#/register")) {
        browser.route(page);
        browser.find("main h1");
        assertEquals(0, browser.overflowPixels(), () -> "sideways scroll on " + page + ": " + browser.overflowing());
      }
      adminLogIn("/admin/#/dashboard");
      for (String page : List.of("#/dashboard", "#/products", "#/categories", "#/stock", "#/stock/1", "#/purchases", "#/users")) {
        browser.route(page);
        browser.find(page.equals("#/dashboard") ? "#dashboard-total" : "main h1");
        browser.find(page.equals("#/stock") ? "#s-threshold" : page.equals("#/stock/1") ? "#stock-quantity" : "main");
        assertEquals(0, browser.overflowPixels(), () -> "sideways scroll on the console's " + page + ": " + browser.overflowing());
        if (page.equals("#/dashboard")) {
          browser.find(".chart canvas");
          screenshot("admin-dashboard-phone");
        }
      }
      adminLogOut();
    } finally {
      browser.resize(1400, 1000);
    }
  }

  @Test
  @Order(14)
  void theStorefrontAsAVisitorSeesIt() {
    browser.open("/");
    browser.script("sessionStorage.clear()");
    browser.open("/");
    browser.find(".grid .card");
    axe("storefront home as a visitor");
    browser.route("#/product/2");
    browser.find(".product h1");
    axe("product page as a visitor");
  }

  @Test
  @Order(15)
  void everyPageVisitedHadNoSeriousAccessibilityViolation() {
    assertEquals(List.of(), accessibility);
  }

  // --- helpers ---

  private long product(String name, String price, int stock) {
    String admin = server.adminToken();
    Api.Response created = api.put("create_product").token(admin).json(new JsonObject().put("product_name", name)
        .put("description", "A product of the browser test").put("category_id", 1).put("price", price)).send();
    assertEquals(200, created.status(), created.toString());
    long id = created.data().getLong("id");
    assertEquals(200, api.put("add_inventory").token(admin).json(new JsonObject().put("product_id", id).put("quantity", stock))
        .send().status());
    return id;
  }

  private int stock(long productId) {
    return api.get("get_product").query("product_id", productId).send().data().getJsonObject("inventory").getInteger("quantity");
  }

  private void customerLogIn(TestServer.Customer customer) {
    browser.open("/");
    browser.script("sessionStorage.clear()");
    browser.open("/#/login");
    browser.type("#login-email", customer.email());
    browser.type("#login-password", customer.password());
    browser.click("main form button[type=submit]");
    browser.findText(".account-nav", "Log out");
  }

  private void customerLogOut() {
    browser.open("/");
    browser.findText(".account-nav button", "Log out").click();
    browser.findText(".account-nav", "Log in");
  }

  private void adminLogIn(String page) {
    browser.open("/admin/");
    browser.script("sessionStorage.clear()");
    browser.open(page);
    browser.type("#login-email", TestServer.ADMIN_EMAIL);
    browser.type("#login-password", TestServer.ADMIN_PASSWORD);
    browser.click("main form button[type=submit]");
    browser.find(".console-nav");
  }

  private void adminLogOut() {
    if (!browser.present(".top.console")) {
      browser.open("/admin/");
    }
    browser.findText(".account-nav button", "Log out").click();
    browser.find("#login-email");
  }

  private void screenshot(String name) {
    if (Boolean.getBoolean("web.screenshots")) {
      browser.screenshot(Path.of(System.getProperty("project.basedir", "."), "docs", "screenshots", name + ".png"));
    }
  }
}
