package app.ecommerce.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The typed configuration of one node. Built once by {@link ConfigLoader}; every other class
 * receives the values it needs from here and never reads the environment itself.
 *
 * @param jwtSecret null means "use or create the secret file in {@code dataDir}"
 * @param demoData null means "load demo data when the database is new and SQLite"
 * @param dbPoolSize 0 means the engine's default
 * @param managementPort the listener of /metrics (and /health, /ready); 0 means any free port
 * @param loginQueue password checks that may wait on this node before logins get 429
 * @param corsAllowedOrigins origins ({@code scheme://host[:port]}) allowed to call the API from a browser
 * @param sqliteCheckpointSeconds how often a SQLite node truncates its write-ahead log
 * @param analyticsPoolSize connections of the reports' own pool; 0 means the engine's default
 * @param analyticsPoolWaitQueue reports that may wait for one of them before a 503
 * @param analyticsCpuPercent share of time reports may work, pausing between pages; 0 means by the
 *     node's cores (50 on up to 2, 100 above)
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    String databaseUrl,
    String dataDir,
    int dbPoolSize,
    int dbPoolWaitQueue,
    int dbConnectTimeoutSeconds,
    int dbBusyTimeoutMs,
    String jwtSecret,
    int jwtTtlMinutes,
    int argon2MemoryKib,
    int argon2Iterations,
    int argon2Parallelism,
    String adminEmail,
    String adminPassword,
    String adminTimezone,
    Boolean demoData,
    boolean cluster,
    List<String> clusterMembers,
    String clusterHost,
    int clusterPort,
    Set<String> verticles,
    String logFormat,
    String managementHost,
    int managementPort,
    int loginQueue,
    HttpLimits httpLimits,
    List<String> corsAllowedOrigins,
    int sqliteCheckpointSeconds,
    int analyticsPoolSize,
    int analyticsPoolWaitQueue,
    int analyticsCpuPercent) {

  /** An origin as browsers send it: lower-case scheme and host (or bracketed IPv6), maybe a port. */
  private static final Pattern ORIGIN = Pattern.compile(
      "https?://([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");
  public static final Set<String> ALL_VERTICLES = Set.of("http", "auth", "catalog", "sales");

  public static AppConfig from(Map<String, String> s) {
    Set<String> verticles = split(s.getOrDefault("VERTICLES", "all")).stream()
        .map(String::toLowerCase)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (verticles.isEmpty() || verticles.contains("all")) {
      verticles = new LinkedHashSet<>(List.of("http", "auth", "catalog", "sales"));
    }
    for (String v : verticles) {
      if (!ALL_VERTICLES.contains(v)) {
        throw new ConfigException("VERTICLES: unknown verticle '" + v + "' (known: http, auth, catalog, sales, all)");
      }
    }
    String logFormat = s.getOrDefault("LOG_FORMAT", "text").toLowerCase();
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      throw new ConfigException("LOG_FORMAT must be 'text' or 'json', not '" + logFormat + "'");
    }
    int httpPort = integer(s, "HTTP_PORT", 8000, 0, 65535);
    int managementPort = integer(s, "MANAGEMENT_PORT", 9000, 0, 65535);
    if (managementPort != 0 && managementPort == httpPort) {
      throw new ConfigException("MANAGEMENT_PORT must differ from HTTP_PORT (" + httpPort + "): /metrics is never served"
          + " on the API port");
    }
    return new AppConfig(
        s.getOrDefault("HTTP_HOST", "127.0.0.1"),
        httpPort,
        s.getOrDefault("DATABASE_URL", "sqlite:data/ecommerce.db"),
        s.getOrDefault("DATA_DIR", "data"),
        integer(s, "DB_POOL_SIZE", 0, 0, 1000),
        integer(s, "DB_POOL_WAIT_QUEUE", 4096, 1, 1_000_000),
        integer(s, "DB_CONNECT_TIMEOUT_SECONDS", 5, 1, 600),
        integer(s, "DB_BUSY_TIMEOUT_MS", 2000, 10, 600_000),
        blankToNull(s.get("JWT_SECRET")),
        integer(s, "JWT_TTL_MINUTES", 60, 1, 60 * 24 * 30),
        integer(s, "ARGON2_MEMORY_KIB", 19456, 8, 4 * 1024 * 1024),
        integer(s, "ARGON2_ITERATIONS", 2, 1, 100),
        integer(s, "ARGON2_PARALLELISM", 1, 1, 64),
        blankToNull(s.get("ADMIN_EMAIL")),
        blankToNull(s.get("ADMIN_PASSWORD")),
        s.getOrDefault("ADMIN_TIMEZONE", "UTC"),
        optionalBoolean(s, "DEMO_DATA"),
        Boolean.TRUE.equals(optionalBoolean(s, "CLUSTER")),
        split(s.getOrDefault("CLUSTER_MEMBERS", "")),
        s.getOrDefault("CLUSTER_HOST", "127.0.0.1"),
        integer(s, "CLUSTER_PORT", 5701, 1, 65535),
        Set.copyOf(verticles),
        logFormat,
        s.getOrDefault("MANAGEMENT_HOST", "127.0.0.1"),
        managementPort,
        integer(s, "LOGIN_QUEUE", 1000, 1, 1_000_000),
        new HttpLimits(
            integer(s, "HTTP_IDLE_TIMEOUT_SECONDS", 60, 1, 86_400),
            integer(s, "HTTP_HEADER_TIMEOUT_SECONDS", 10, 1, 3_600),
            integer(s, "HTTP_BODY_TIMEOUT_SECONDS", 30, 1, 3_600),
            integer(s, "HTTP_MAX_CONNECTIONS", 0, 0, 1_000_000)),
        origins(s.getOrDefault("CORS_ALLOWED_ORIGINS", "")),
        integer(s, "SQLITE_CHECKPOINT_SECONDS", 10, 1, 3_600),
        integer(s, "ANALYTICS_POOL_SIZE", 0, 0, 100),
        integer(s, "ANALYTICS_POOL_WAIT_QUEUE", 256, 1, 100_000),
        integer(s, "ANALYTICS_CPU_PERCENT", 0, 0, 100));
  }

  /**
   * Each origin exactly as a browser sends it in {@code Origin}: a scheme, a host and maybe a port,
   * nothing else. A wildcard is refused: a public API that any page may call needs no CORS list.
   */
  private static List<String> origins(String raw) {
    List<String> origins = split(raw);
    for (String origin : origins) {
      if (!ORIGIN.matcher(origin).matches()) {
        throw new ConfigException("CORS_ALLOWED_ORIGINS: '" + origin + "' is not an origin such as https://shop.example.com"
            + " or http://localhost:3000 (scheme, host and port only, no path, no wildcard)");
      }
    }
    return List.copyOf(origins);
  }

  public boolean runs(String verticle) {
    return verticles.contains(verticle);
  }

  public boolean isSqlite() {
    return databaseUrl.startsWith("sqlite:") || databaseUrl.startsWith("jdbc:sqlite:");
  }

  private static int integer(Map<String, String> s, String key, int fallback, int min, int max) {
    String raw = blankToNull(s.get(key));
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, not '" + raw + "'");
    }
  }

  private static Boolean optionalBoolean(Map<String, String> s, String key) {
    String raw = blankToNull(s.get(key));
    if (raw == null) {
      return null;
    }
    switch (raw.strip().toLowerCase()) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigException(key + " must be true or false, not '" + raw + "'");
    }
  }

  private static List<String> split(String raw) {
    return Arrays.stream(raw.split(","))
        .map(String::strip)
        .filter(x -> !x.isEmpty())
        .collect(Collectors.toList());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** What is safe to print at start-up: no secret, no password. */
  @Override
  public String toString() {
    return "AppConfig[http=" + httpHost + ":" + httpPort + ", management=" + managementHost + ":" + managementPort
        + ", database=" + redactedDatabaseUrl()
        + ", cluster=" + cluster + ", verticles=" + verticles + ", jwtTtlMinutes=" + jwtTtlMinutes + "]";
  }

  public String redactedDatabaseUrl() {
    // up to the last '@' before the path: a password may itself contain '@'
    return databaseUrl.replaceAll("//([^:/@]*):[^/]*@", "//$1:***@");
  }
}
