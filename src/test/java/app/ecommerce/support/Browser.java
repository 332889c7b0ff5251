package app.ecommerce.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver (both installed by {@code ./run.sh test}
 * when missing; a missing browser fails the test, it never skips it), with a fresh profile, and the
 * few helpers the web-front tests share: waiting, keyboard-only moves, axe-core, layout width,
 * Navigation Timing and screenshots.
 */
public final class Browser implements AutoCloseable {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  public Browser(String base) {
    this.base = base;
    for (String file : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!new File(file).canExecute()) {
        throw new IllegalStateException(file + " is missing: run the suite through ./run.sh test, which installs "
            + "Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
      }
    }
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // without the background-networking flags Chromium dials out at start, which a closed network refuses
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1400,1000");
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  public WebDriver driver() {
    return driver;
  }

  /** Loads a path of the server afresh, e.g. "/" or "/admin/#/products" (a full load, even if only the hash differs). */
  public void open(String path) {
    driver.get("about:blank");
    driver.get(base + path);
  }

  /** Changes the hash route of the page already loaded (no reload). */
  public void route(String hash) {
    script("location.hash = arguments[0]", hash);
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    // a re-render may replace an element between finding it and looking at it: look again
    return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50))
        .ignoring(StaleElementReferenceException.class).until(condition);
  }

  public WebElement find(String css) {
    return waitUntil(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    });
  }

  /** The first visible element matching css whose text contains text. */
  public WebElement findText(String css, String text) {
    return waitUntil(d -> d.findElements(By.cssSelector(css)).stream()
        .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
  }

  public boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  public void type(String css, String text) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(text);
  }

  /** Sets a form control's value the way a picker would (date inputs are locale-dependent to type into). */
  public void setValue(String css, String value) {
    WebElement input = find(css);
    script("const e = arguments[0]; e.value = arguments[1];"
        + "e.dispatchEvent(new Event(e.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));", input, value);
  }

  public void click(String css) {
    find(css).click();
  }

  public void doubleClick(WebElement element) {
    new Actions(driver).doubleClick(element).perform();
  }

  /** Presses Tab until the focused element matches css (at most 80 times), using the keyboard only. */
  public WebElement tabTo(String css) {
    for (int i = 0; i < 80; i++) {
      WebElement active = driver.switchTo().activeElement();
      if ((Boolean) script("return arguments[0].matches(arguments[1])", active, css)) {
        return active;
      }
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached " + css);
  }

  public void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public boolean alertOpen() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** axe-core's serious and critical violations on the page as it is now, one line each. */
  public List<String> seriousAccessibilityViolations() {
    Results results = new AxeBuilder().analyze(driver);
    List<String> out = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        out.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
            + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
      }
    }
    return out;
  }

  /** True when the page is wider than the window, i.e. it scrolls sideways. */
  public long overflowPixels() {
    return (Long) script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        + " - document.documentElement.clientWidth");
  }

  /** The elements that reach past the window's right edge, for the message of a failed width check. */
  public String overflowing() {
    return String.valueOf(script("const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
        + ".filter(e => e.getBoundingClientRect().right > w + 0.5).slice(0, 6)"
        + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')"));
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Empties the HTTP cache, so that the next load is a first visit's. */
  public void clearCache() {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
  }

  /**
   * The current document's Navigation Timing: load event end (ms from navigation start), now (ms,
   * i.e. when the content was seen) and bytes transferred by the document and every resource.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> timing() {
    return (Map<String, Object>) script(
        "const nav = performance.getEntriesByType('navigation')[0];"
            + "const res = performance.getEntriesByType('resource');"
            + "return {load: Math.round(nav.loadEventEnd), content: Math.round(performance.now()),"
            + " bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0), requests: res.length + 1};");
  }

  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
