package app.ecommerce.support;

import io.vertx.core.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Scans response bodies for what must never reach a client (API.md §1): stack traces, exception
 * and class names, SQL text, driver and engine names, password material. Text the client itself
 * sent (and that a 2xx echoes back) is removed first, so a category named "SELECT x" is no leak.
 */
public final class Leaks {
  /** Compared case-insensitively. */
  private static final List<String> MARKERS = List.of(
      "exception", "\tat ", "at app.", "at io.", "at java.", "java.", "javax.", "io.vertx", "io.netty",
      "com.fasterxml", "jackson", "app.ecommerce", "caused by", "stacktrace", "select ", "insert into", "update ",
      "delete from", " where ", "sqlstate", "sql syntax", "sqlite", "mariadb", "mysql", "jdbc", "flyway", "hikari",
      "$argon2", "password_hash", "nullpointer", "illegalstate", "illegalargument", "numberformat");

  private Leaks() {
  }

  /**
   * Fails when the body carries a marker or one of the secrets.
   *
   * @param echoed strings the client sent that a success may legitimately echo
   * @param secrets passwords and the like, never to be echoed, whatever the status
   */
  public static void check(String context, Api.Response r, Collection<String> echoed, Collection<String> secrets) {
    String body = r.body() == null ? "" : r.body();
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 6 && (body.contains(secret) || body.contains(jsonEscaped(secret)))) {
        fail(context + ": the response carries a password: " + r);
      }
    }
    String scanned = body;
    if (r.status() >= 200 && r.status() < 300) {
      List<String> sent = new ArrayList<>(echoed);
      sent.sort((a, b) -> b.length() - a.length());
      for (String s : sent) {
        if (s != null && !s.isEmpty()) {
          scanned = scanned.replace(jsonEscaped(s), "").replace(s, "");
        }
      }
    }
    String lower = scanned.toLowerCase(Locale.ROOT);
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        fail(context + ": the response carries '" + marker + "': " + abbreviated(body));
      }
    }
  }

  private static String jsonEscaped(String s) {
    String encoded = Json.encode(s);
    return encoded.substring(1, encoded.length() - 1);
  }

  private static String abbreviated(String body) {
    return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
  }
}
