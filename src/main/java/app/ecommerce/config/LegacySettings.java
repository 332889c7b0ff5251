package app.ecommerce.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Translates the original FastAPI system's {@code .vars} keys into this service's keys, so its
 * users can bring their settings file along. A key of ours that is already set always wins.
 */
final class LegacySettings {
  private LegacySettings() {
  }

  static void translate(Map<String, String> settings) {
    copyIfAbsent(settings, "JWT_SECRET_KEY", "JWT_SECRET");
    copyIfAbsent(settings, "JWT_ACCESS_TOKEN_EXPIRE_MINUTES", "JWT_TTL_MINUTES");
    if (settings.containsKey("DATABASE_URL") || !settings.containsKey("APP_ENVIRONMENT")) {
      return;
    }
    String environment = settings.get("APP_ENVIRONMENT").strip();
    if (environment.equals("development") && settings.containsKey("DEV_DB_SQLITE_FILENAME")) {
      settings.put("DATABASE_URL", "sqlite:" + settings.get("DEV_DB_SQLITE_FILENAME"));
    } else if (environment.equals("production") && settings.containsKey("PROD_DB_HOST")) {
      settings.put("DATABASE_URL", "mysql://"
          + encode(settings.getOrDefault("PROD_DB_USERNAME", "root")) + ":"
          + encode(settings.getOrDefault("PROD_DB_PASSWORD", "")) + "@"
          + settings.get("PROD_DB_HOST") + ":" + settings.getOrDefault("PROD_DB_PORT", "3306") + "/"
          + settings.getOrDefault("PROD_DB_DATABASE", "ecommerce"));
    }
  }

  private static void copyIfAbsent(Map<String, String> settings, String legacyKey, String key) {
    if (!settings.containsKey(key) && settings.containsKey(legacyKey)) {
      settings.put(key, settings.get(legacyKey));
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
