package app.ecommerce.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults → .vars → environment, the original system's keys, and refusals with clear messages. */
class ConfigLoaderTest {

  @Test
  void defaultsApplyWithNothingSet() {
    AppConfig config = ConfigLoader.load(Map.of("APPLICATION_SETTINGS", ""));
    assertEquals("127.0.0.1", config.httpHost());
    assertEquals(8000, config.httpPort());
    assertEquals("sqlite:data/ecommerce.db", config.databaseUrl());
    assertEquals(60, config.jwtTtlMinutes());
    assertNull(config.demoData());
    assertEquals(AppConfig.ALL_VERTICLES, config.verticles());
    assertEquals("127.0.0.1", config.managementHost());
    assertEquals(9000, config.managementPort());
    assertEquals(1000, config.loginQueue());
    assertEquals(new HttpLimits(60, 10, 30, 0), config.httpLimits());
    assertEquals(List.of(), config.corsAllowedOrigins());
    int automatic = config.httpLimits().effectiveMaxConnections();
    assertTrue(automatic >= 32 && automatic <= 10_000, "sized from the open-file limit: " + automatic);
  }

  @Test
  void theConnectionAndLoginLimitsAreConfigurableAndTheManagementPortIsNeverTheApiPort() {
    AppConfig config = ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "", "HTTP_IDLE_TIMEOUT_SECONDS", "5",
        "HTTP_HEADER_TIMEOUT_SECONDS", "2", "HTTP_BODY_TIMEOUT_SECONDS", "3", "HTTP_MAX_CONNECTIONS", "100",
        "LOGIN_QUEUE", "7", "MANAGEMENT_PORT", "0"));
    assertEquals(new HttpLimits(5, 2, 3, 100), config.httpLimits());
    assertEquals(100, config.httpLimits().effectiveMaxConnections());
    assertEquals(7, config.loginQueue());
    assertEquals(0, config.managementPort());
    ConfigException clash = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "", "HTTP_PORT", "8100", "MANAGEMENT_PORT", "8100")));
    assertTrue(clash.getMessage().contains("MANAGEMENT_PORT"), clash.getMessage());
    assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "",
        "HTTP_HEADER_TIMEOUT_SECONDS", "0")));
  }

  @Test
  void corsOriginsAreOriginsAndNothingElse() {
    AppConfig config = ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "",
        "CORS_ALLOWED_ORIGINS", " https://shop.example.com , http://localhost:3000,http://[::1]:8080"));
    assertEquals(List.of("https://shop.example.com", "http://localhost:3000", "http://[::1]:8080"),
        config.corsAllowedOrigins());
    for (String bad : List.of("*", "shop.example.com", "https://shop.example.com/", "https://Shop.example.com",
        "ftp://shop.example.com", "https://shop.example.com/path")) {
      ConfigException refused = assertThrows(ConfigException.class,
          () -> ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "", "CORS_ALLOWED_ORIGINS", bad)), bad);
      assertTrue(refused.getMessage().startsWith("CORS_ALLOWED_ORIGINS"), refused.getMessage());
    }
  }

  @Test
  void varsFileOverridesDefaultsAndTheEnvironmentOverridesBoth(@TempDir Path dir) throws Exception {
    Path vars = dir.resolve(".vars");
    Files.writeString(vars, "# comment\nHTTP_PORT = '9001'\nJWT_TTL_MINUTES=\"15\"\nexport LOG_FORMAT=json # inline\n");
    AppConfig config = ConfigLoader.load(Map.of("APPLICATION_SETTINGS", vars.toString(), "JWT_TTL_MINUTES", "30"));
    assertEquals(9001, config.httpPort());
    assertEquals(30, config.jwtTtlMinutes());
    assertEquals("json", config.logFormat());
  }

  @Test
  void theOriginalSystemsVarsKeysAreUnderstood(@TempDir Path dir) throws Exception {
    Path vars = dir.resolve(".vars");
    Files.writeString(vars, String.join("\n",
        "DEV_DB_SQLITE_FILENAME = 'dev.db'",
        "PROD_DB_HOST = 'db.internal'", "PROD_DB_PORT = '3307'", "PROD_DB_USERNAME = 'shop'",
        "PROD_DB_PASSWORD = 'p@ss word'", "PROD_DB_DATABASE = 'shop'",
        "APP_ENVIRONMENT = 'production'",
        "JWT_SECRET_KEY = 'a-legacy-secret-of-at-least-32-bytes!!'",
        "JWT_ACCESS_TOKEN_EXPIRE_MINUTES = '45'"));
    AppConfig config = ConfigLoader.load(Map.of("APPLICATION_SETTINGS", vars.toString()));
    assertEquals("mysql://shop:p%40ss%20word@db.internal:3307/shop", config.databaseUrl());
    assertEquals("a-legacy-secret-of-at-least-32-bytes!!", config.jwtSecret());
    assertEquals(45, config.jwtTtlMinutes());
    assertEquals("sqlite:dev.db", ConfigLoader.load(Map.of("APPLICATION_SETTINGS", vars.toString(),
        "APP_ENVIRONMENT", "development")).databaseUrl());
    assertEquals("sqlite:mine.db", ConfigLoader.load(Map.of("APPLICATION_SETTINGS", vars.toString(),
        "DATABASE_URL", "sqlite:mine.db")).databaseUrl());
  }

  @Test
  void badValuesAreRefusedWithTheKeyInTheMessage() {
    ConfigException port = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "", "HTTP_PORT", "eighty")));
    assertTrue(port.getMessage().contains("HTTP_PORT"), port.getMessage());
    ConfigException verticles = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "", "VERTICLES", "http,billing")));
    assertTrue(verticles.getMessage().contains("billing"), verticles.getMessage());
    ConfigException missingFile = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "/nonexistent/.vars")));
    assertTrue(missingFile.getMessage().contains("APPLICATION_SETTINGS"), missingFile.getMessage());
  }

  @Test
  void aShortJwtSecretIsRefusedAtStart() {
    AppConfig config = ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "", "JWT_SECRET", "too-short"));
    ConfigException e = assertThrows(ConfigException.class, () -> JwtSecret.resolve(config));
    assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
    assertTrue(!e.getMessage().contains("too-short"), "the secret itself must never be printed");
  }

  @Test
  void aGeneratedSecretIsKeptInTheDataDirectoryWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
    AppConfig config = ConfigLoader.load(Map.of("APPLICATION_SETTINGS", "", "DATA_DIR", dir.toString()));
    byte[] first = JwtSecret.resolve(config);
    byte[] second = JwtSecret.resolve(config);
    assertEquals(new String(first), new String(second));
    assertTrue(first.length >= 32);
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("jwt.secret"))));
  }
}
