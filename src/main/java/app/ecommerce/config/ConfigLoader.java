package app.ecommerce.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one configuration loader: defaults ({@code conf/config.json} in the jar, then the same file
 * in the working directory if present) → the {@code .vars} file ({@code APPLICATION_SETTINGS},
 * default {@code ./.vars}) → the environment. The later source wins; legacy keys of the original
 * system are translated last so that our own keys win over them.
 */
public final class ConfigLoader {
  private static final String DEFAULTS = "conf/config.json";

  private ConfigLoader() {
  }

  /** Production: the process environment. */
  public static AppConfig load() {
    return load(System.getenv());
  }

  /** Tests and tools pass their own "environment" and so never see the machine's. */
  public static AppConfig load(Map<String, String> environment) {
    return AppConfig.from(settings(environment));
  }

  public static Map<String, String> settings(Map<String, String> environment) {
    Map<String, String> settings = new LinkedHashMap<>();
    putAll(settings, classpathDefaults());
    Path localDefaults = Path.of(DEFAULTS);
    if (Files.isRegularFile(localDefaults)) {
      putAll(settings, readJson(localDefaults));
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    String varsPath = environment.getOrDefault("APPLICATION_SETTINGS", ".vars");
    if (!varsPath.isBlank()) {
      Path vars = Path.of(varsPath);
      if (environment.containsKey("APPLICATION_SETTINGS") && !Files.isRegularFile(vars)) {
        throw new ConfigException("APPLICATION_SETTINGS points to " + vars.toAbsolutePath() + ", which does not exist");
      }
      chosen.putAll(DotEnvFile.read(vars));
    }
    chosen.putAll(environment);
    // the original system's keys stand for ours when ours are not set in .vars or the environment
    LegacySettings.translate(chosen);
    settings.putAll(chosen);
    return settings;
  }

  private static JsonObject classpathDefaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        return new JsonObject();
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read built-in " + DEFAULTS, e);
    }
  }

  private static JsonObject readJson(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
    }
  }

  private static void putAll(Map<String, String> into, JsonObject json) {
    json.forEach(e -> into.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())));
  }
}
