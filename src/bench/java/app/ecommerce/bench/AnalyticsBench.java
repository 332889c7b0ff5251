package app.ecommerce.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Analytics benchmark (not a test): on a database already filled by {@code demo-data}, starts the
 * server as its own process (the jar, small heap, GC log), then
 * <ol>
 *   <li>times get_sales_data for one calendar year, monthly buckets, include_sales_items=false
 *       (UTC and +05:45), after a warm-up, then the bare SQL aggregation over the same rows run
 *       over JDBC on the same database, several runs, medians; the bare time is the faster of two
 *       hand-written queries (per product and UTC day by integer division; per product and month
 *       by the engine's date functions);</li>
 *   <li>times the rows-included JSON answer for 90 days against the CSV of the same rows, read
 *       the same way (BENCH_ONLY=json-rows runs this part alone);</li>
 *   <li>exports every sale item as CSV while sampling the server's heap ({@code jcmd
 *       GC.heap_info} every 2 s, and the heap after each GC from the GC log), and reads the
 *       same rows with bare JDBC into a file.</li>
 * </ol>
 * Usage: {@code java -cp target/bench-build/ecommerce-bench.jar app.ecommerce.bench.AnalyticsBench ENGINE DATABASE_URL
 * JDBC_URL JDBC_USER JDBC_PASSWORD RESULT_FILE}. Prints one result block and appends it to the file.
 */
public final class AnalyticsBench {
  /**
   * Seconds of untimed answers (both zones, alternating) before the timed ones, so that the
   * server's path is compiled as on a shop's running node: after 60 answers per zone much of it
   * still ran in the interpreter or in C1 code (BENCH_WARMUP_SECONDS).
   */
  private static final int SERVER_WARMUP_SECONDS = Integer.parseInt(
      System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "30"));
  /**
   * Timed answers per zone, one after the other (UTC and +05:45 alternating), before any bare scan:
   * a bare scan reads the whole table, so timing an answer right after one measures the caches
   * the scan emptied (and, at 10M rows, the 10 s the auth cache keeps a token), not the answer.
   */
  private static final int API_RUNS = 31;
  /** Bare scans per query, after the answers (BENCH_BARE_RUNS; at 10M rows each takes seconds). */
  private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_BARE_RUNS", "9"));
  /**
   * BENCH_ONLY=json-rows: only the rows-included JSON answer against the CSV of the same rows
   * (no aggregated answers, no bare scans, no 1M-row export), for a short quiet window.
   */
  private static final boolean ROWS_ONLY = "json-rows".equals(System.getenv("BENCH_ONLY"));
  /** Untimed pairs of the JSON answer with rows and its CSV before the timed ones. */
  private static final int JSON_WARMUP = 5;
  /** Timed pairs of the JSON answer with rows and its CSV, read as counted bytes (BENCH_JSON_RUNS). */
  private static final int JSON_RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_JSON_RUNS", "9"));
  /** Pairs read as Strings, the bench's earlier way, for comparison. */
  private static final int STRING_RUNS = 5;
  /** The bench's own CPU time (all its threads, the HTTP client's included). */
  private static final com.sun.management.OperatingSystemMXBean CLIENT =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final String ADMIN = "bench-admin@example.com";
  private static final String PASSWORD = "bench-password-1";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private AnalyticsBench() {
  }

  public static void main(String[] args) throws Exception {
    String engine = args[0];
    String databaseUrl = args[1];
    String jdbcUrl = args[2];
    String jdbcUser = args[3];
    String jdbcPassword = args[4];
    Path results = Path.of(args[5]);
    Path scratch = Files.createTempDirectory("analytics-bench");
    Path gcLog = scratch.resolve("gc.log");
    // BENCH_HTTP_PORT: a fixed port (a shared machine's agreed range) instead of a free one
    int port = System.getenv("BENCH_HTTP_PORT") == null ? freePort() : Integer.parseInt(System.getenv("BENCH_HTTP_PORT"));
    ProcessBuilder pb = new ProcessBuilder("java", "-Xms64m", "-Xmx256m", "-Xlog:gc:file=" + gcLog,
        "-jar", Path.of("target", "ecommerce.jar").toString());
    Map<String, String> env = pb.environment();
    env.put("APPLICATION_SETTINGS", "");
    env.put("DATABASE_URL", databaseUrl);
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("MANAGEMENT_PORT", "0");
    env.put("DATA_DIR", scratch.toString());
    env.put("JWT_SECRET", "benchmark-only-secret-with-more-than-32-bytes");
    env.put("ADMIN_EMAIL", ADMIN);
    env.put("ADMIN_PASSWORD", PASSWORD);
    env.put("DEMO_DATA", "false");
    pb.redirectErrorStream(true).redirectOutput(scratch.resolve("server.log").toFile());
    Process server = pb.start();
    StringBuilder report = new StringBuilder();
    try {
      String base = "http://127.0.0.1:" + port;
      awaitReady(base, server);
      String token = login(base);
      int year = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
      try (Connection jdbc = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
        long total = count(jdbc, 0, Long.MAX_VALUE);
        if (ROWS_ONLY) {
          report.append(String.format("%n== get_sales_data with rows against CSV on %s: %d sale items in the database ==%n",
              engine, total));
        } else {
          report.append(aggregated(base, token, jdbc, engine, year, total));
        }
        if (ROWS_ONLY || !"false".equals(System.getenv("BENCH_CSV"))) {
          report.append(jsonRows(base, token, jdbc, year, server.pid()));
        }
        if (!ROWS_ONLY && !"false".equals(System.getenv("BENCH_CSV"))) {
          report.append(csvExport(base, token, server.pid(), gcLog, total));
          report.append(bareCsv(jdbc, scratch.resolve("bare.csv")));
        }
      }
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    System.out.print(report);
    Files.writeString(results, report.toString(), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * get_sales_data for one calendar year by month without rows (UTC and +05:45) after the
   * warm-up, then the bare SQL aggregations: the report's lines.
   */
  private static String aggregated(String base, String token, Connection jdbc, String engine, int year, long total)
      throws Exception {
    StringBuilder report = new StringBuilder();
    long from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    long to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L - 1;
    String query = "start_date=" + year + "-01-01&end_date=" + year + "-12-31&timezone=UTC&buckets=monthly"
        + "&include_sales_items=false";
    long rows = count(jdbc, from, to);
    List<Double> api = new ArrayList<>();
    List<Double> byDay = new ArrayList<>();
    List<Double> byMonth = new ArrayList<>();
    String dayQuery = "SELECT product_id, (created_at + 86400000000000000) " + (engine.equals("sqlite") ? "/" : "DIV")
        + " 86400000000 AS d, SUM(quantity), SUM(quantity * price_cents) FROM sale_items"
        + " WHERE created_at BETWEEN ? AND ? GROUP BY product_id, d";
    String monthQuery = engine.equals("sqlite")
        ? "SELECT product_id, strftime('%Y-%m', created_at / 1000000, 'unixepoch') AS m, SUM(quantity),"
            + " SUM(quantity * price_cents) FROM sale_items WHERE created_at BETWEEN ? AND ? GROUP BY product_id, m"
        : "SELECT product_id, DATE_FORMAT(FROM_UNIXTIME(created_at DIV 1000000), '%Y-%m') AS m, SUM(quantity),"
            + " SUM(quantity * price_cents) FROM sale_items WHERE created_at BETWEEN ? AND ? GROUP BY product_id, m";
    if (!engine.equals("sqlite")) {
      try (var s = jdbc.createStatement()) {
        s.execute("SET time_zone = '+00:00'");
      }
    }
    String utc = query;
    String kathmanduQuery = query.replace("timezone=UTC", "timezone=Asia/Kathmandu");
    long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVER_WARMUP_SECONDS);
    int warmups = 0;
    while (System.nanoTime() < warmEnd) {
      get(base, token, utc);
      get(base, token, kathmanduQuery);
      warmups++;
    }
    String firstBody = null;
    List<Double> kathmandu = new ArrayList<>();
    for (int i = 0; i < API_RUNS; i++) {
      long t0 = System.nanoTime();
      String body = get(base, token, utc);
      api.add((System.nanoTime() - t0) / 1e6);
      long t1 = System.nanoTime();
      get(base, token, kathmanduQuery);
      kathmandu.add((System.nanoTime() - t1) / 1e6);
      firstBody = firstBody == null ? body : firstBody;
    }
    for (int i = 0; i < RUNS; i++) {
      byDay.add(bare(jdbc, dayQuery, from, to));
      byMonth.add(bare(jdbc, monthQuery, from, to));
    }
    JsonObject data = new JsonObject(firstBody).getJsonObject("data");
    double apiMedian = median(api);
    double bareMedian = Math.min(median(byDay), median(byMonth));
    report.append(String.format("%n== get_sales_data on %s: %d sale items in the database, %d in %d ==%n",
        engine, total, rows, year));
    report.append(String.format("buckets in answer: %d; total_revenue %s; %d s of warm-up (%d answers per zone)%n",
        data.size(), sumOfBuckets(data), SERVER_WARMUP_SECONDS, warmups));
    report.append(String.format("API (HTTP, monthly, include_sales_items=false): median %.1f ms  p90 %.1f ms  runs %s%n",
        apiMedian, percentile(api, 0.9), fmt(api)));
    report.append(String.format("API, same in Asia/Kathmandu (+05:45):          median %.1f ms  p90 %.1f ms  runs %s%n",
        median(kathmandu), percentile(kathmandu, 0.9), fmt(kathmandu)));
    report.append(String.format("bare SQL per product+UTC day (JDBC):           median %.1f ms  runs %s%n",
        median(byDay), fmt(byDay)));
    report.append(String.format("bare SQL per product+month (JDBC):             median %.1f ms  runs %s%n",
        median(byMonth), fmt(byMonth)));
    report.append(String.format("ratio API / fastest bare SQL: %.3f (medians)%n", apiMedian / bareMedian));
    return report.toString();
  }

  /** Streams every row as CSV, counting lines, while sampling the server's heap. */
  private static String csvExport(String base, String token, long pid, Path gcLog, long expectedRows)
      throws Exception {
    long gcOffset = Files.exists(gcLog) ? Files.size(gcLog) : 0;
    List<Long> usedKb = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleWithFixedDelay(() -> usedKb.add(heapUsedKb(pid)), 0, 2, TimeUnit.SECONDS);
    long t0 = System.nanoTime();
    long lines = 0;
    long bytes = 0;
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/ecommerce/v1/get_sales_data?start_date=2000-01-01"
            + "&end_date=2099-12-31&timezone=UTC&format=csv"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30)).GET().build();
    HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    sampler.shutdown();
    sampler.awaitTermination(10, TimeUnit.SECONDS);
    List<Long> afterGc = afterGcKb(gcLog, gcOffset);
    List<Long> used = new ArrayList<>(usedKb);
    used.removeIf(v -> v < 0);
    return String.format("CSV export: HTTP %d, %d rows (+1 header; database has %d), %.1f MB in %.1f s (%.0f rows/s)%n"
            + "server heap (-Xmx256m) used, jcmd GC.heap_info every 2 s: %s%n"
            + "server heap after each GC during the export (KiB): count %d, min %s, max %s, first 5 %s, last 5 %s%n",
        response.statusCode(), lines - 1, expectedRows, bytes / 1e6, seconds, (lines - 1) / seconds,
        used.isEmpty() ? "n/a" : used.stream().map(v -> v / 1024 + "M").toList(),
        afterGc.size(), afterGc.isEmpty() ? "n/a" : Collections.min(afterGc),
        afterGc.isEmpty() ? "n/a" : Collections.max(afterGc),
        afterGc.subList(0, Math.min(5, afterGc.size())),
        afterGc.subList(Math.max(0, afterGc.size() - 5), afterGc.size()));
  }

  /**
   * The rows-included JSON answer for the first 90 days of the year (under its 100,000-row bound)
   * and the CSV export of the same rows, alternating (which goes first alternates too), each read
   * the same way: its bytes counted and dropped as they arrive ({@link ByteCount}), timed to the
   * last byte, with the server's CPU per answer. The bench shares the machine's cores with the
   * server, so a client that does more per byte slows the larger answer down: reading each body
   * into a String, as this bench did before, decodes the JSON's larger body after its last byte
   * has arrived and charged that to the JSON answer. That reading is kept as a second line for
   * comparison (docs/decisions.md).
   */
  private static String jsonRows(String base, String token, Connection jdbc, int year, long serverPid)
      throws Exception {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = first.plusDays(89);
    long rows = count(jdbc, first.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L,
        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L - 1);
    String query = "start_date=" + first + "&end_date=" + last + "&timezone=UTC&include_sales_items=true";
    String csvQuery = query + "&format=csv";
    ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
    for (int i = 0; i < JSON_WARMUP; i++) {
      read(base, token, query, server);
      read(base, token, csvQuery, server);
    }
    List<Reading> json = new ArrayList<>();
    List<Reading> csv = new ArrayList<>();
    for (int i = 0; i < JSON_RUNS; i++) {
      if (i % 2 == 0) {
        json.add(read(base, token, query, server));
        csv.add(read(base, token, csvQuery, server));
      } else {
        csv.add(read(base, token, csvQuery, server));
        json.add(read(base, token, query, server));
      }
    }
    List<Double> jsonAsString = new ArrayList<>();
    List<Double> csvAsString = new ArrayList<>();
    for (int i = 0; i < STRING_RUNS; i++) {
      long t0 = System.nanoTime();
      get(base, token, query);
      long t1 = System.nanoTime();
      get(base, token, csvQuery);
      jsonAsString.add((t1 - t0) / 1e9);
      csvAsString.add((System.nanoTime() - t1) / 1e9);
    }
    double jsonSeconds = median(seconds(json));
    double csvSeconds = median(seconds(csv));
    return String.format("JSON with sale items (90 days, %d rows, %.1f MB), bytes counted as they arrive: median %.3f s"
            + " (%.0f rows/s) runs %s; CPU per answer: server %.0f ms, bench client %.0f ms%n"
            + "CSV of the same rows (%.1f MB), read the same way:                        median %.3f s"
            + " (%.0f rows/s) runs %s; CPU per answer: server %.0f ms, bench client %.0f ms%n"
            + "JSON / CSV per row (rows/s, medians of %d): %.2f%n"
            + "the same, each body read as one String (the bench's earlier reading, %d runs): JSON median %.3f s,"
            + " CSV median %.3f s, JSON / CSV per row %.2f%n",
        rows, json.get(0).bytes() / 1e6, jsonSeconds, rows / jsonSeconds, runs(seconds(json)),
        meanCpuMs(json, Reading::serverCpuNanos), meanCpuMs(json, Reading::clientCpuNanos),
        csv.get(0).bytes() / 1e6, csvSeconds, rows / csvSeconds, runs(seconds(csv)),
        meanCpuMs(csv, Reading::serverCpuNanos), meanCpuMs(csv, Reading::clientCpuNanos),
        JSON_RUNS, csvSeconds / jsonSeconds,
        STRING_RUNS, median(jsonAsString), median(csvAsString), median(csvAsString) / median(jsonAsString));
  }

  /** One answer read by {@link #read}: time to its last byte, its size, and the CPU both processes spent on it. */
  private record Reading(double seconds, long bytes, long serverCpuNanos, long clientCpuNanos) {
  }

  /**
   * One get_sales_data answer, its body counted and dropped; the server's CPU from the kernel's
   * account of its process (clock ticks, so it is averaged over the runs), the bench's own likewise.
   */
  private static Reading read(String base, String token, String query, ProcessHandle server) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/ecommerce/v1/get_sales_data?" + encodeQuery(query)))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).GET().build();
    long serverCpu = cpuNanos(server);
    long clientCpu = CLIENT.getProcessCpuTime();
    long t0 = System.nanoTime();
    HttpResponse<Long> r = HTTP.send(request, info -> new ByteCount());
    double seconds = (System.nanoTime() - t0) / 1e9;
    long clientCpuUsed = CLIENT.getProcessCpuTime() - clientCpu;
    long serverCpuUsed = cpuNanos(server) - serverCpu;
    if (r.statusCode() != 200) {
      throw new IllegalStateException("get_sales_data answered " + r.statusCode() + " to " + query);
    }
    return new Reading(seconds, r.body(), serverCpuUsed, clientCpuUsed);
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().orElseThrow().toNanos();
  }

  private static List<Double> seconds(List<Reading> readings) {
    return readings.stream().map(Reading::seconds).toList();
  }

  private static double meanCpuMs(List<Reading> readings, java.util.function.ToLongFunction<Reading> cpu) {
    return readings.stream().mapToLong(cpu).average().orElse(0) / 1e6;
  }

  /**
   * A body handler's subscriber that counts the bytes as they arrive and drops them: the least a
   * client can do with an answer, the same for both formats; the answer's future completes with
   * its last byte.
   */
  private static final class ByteCount implements HttpResponse.BodySubscriber<Long> {
    private final CompletableFuture<Long> total = new CompletableFuture<>();
    private long bytes;

    @Override
    public CompletionStage<Long> getBody() {
      return total;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        bytes += item.remaining();
      }
    }

    @Override
    public void onError(Throwable failure) {
      total.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      total.complete(bytes);
    }
  }

  private static List<String> runs(List<Double> seconds) {
    return seconds.stream().map(v -> String.format("%.2f", v)).toList();
  }

  /**
   * The floor for the CSV export: the same rows, columns and order read over plain JDBC in one
   * query and written to a file as CSV lines (no zone conversion, no money formatting).
   */
  private static String bareCsv(Connection jdbc, Path file) throws Exception {
    String sql = "SELECT si.id, si.sale_id, s.user_id, si.created_at, si.product_id, p.product_name, si.price_cents,"
        + " si.quantity, p.category_id, c.category_name, c.category_slug FROM sale_items si"
        + " JOIN sales s ON s.id = si.sale_id JOIN products p ON p.id = si.product_id"
        + " JOIN categories c ON c.id = p.category_id ORDER BY si.created_at, si.sale_id, si.id";
    long t0 = System.nanoTime();
    long rows = 0;
    try (PreparedStatement s = jdbc.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
         var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      s.setFetchSize(jdbc.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite") ? 5_000 : 1);
      try (ResultSet rs = s.executeQuery()) {
        StringBuilder line = new StringBuilder(256);
        while (rs.next()) {
          line.setLength(0);
          line.append(rs.getLong(2)).append(',').append(rs.getLong(1)).append(',').append(rs.getLong(3)).append(',')
              .append(rs.getLong(4)).append(',').append(rs.getLong(5)).append(',').append(rs.getString(6)).append(',')
              .append(rs.getLong(7)).append(',').append(rs.getLong(8)).append(',')
              .append(rs.getLong(7) * rs.getLong(8)).append(',').append(rs.getLong(9)).append(',')
              .append(rs.getString(10)).append(',').append(rs.getString(11)).append("\r\n");
          out.append(line);
          rows++;
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long bytes = Files.size(file);
    Files.delete(file);
    return String.format("bare JDBC read of the same rows written to a file: %d rows, %.1f MB in %.1f s (%.0f rows/s)%n",
        rows, bytes / 1e6, seconds, rows / seconds);
  }

  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern AFTER_GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private static long heapUsedKb(long pid) {
    try {
      Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(10, TimeUnit.SECONDS);
      Matcher m = HEAP_USED.matcher(out);
      return m.find() ? Long.parseLong(m.group(2)) : -1;
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private static List<Long> afterGcKb(Path gcLog, long offset) throws IOException {
    List<Long> values = new ArrayList<>();
    if (!Files.exists(gcLog)) {
      return values;
    }
    String text = Files.readString(gcLog, StandardCharsets.UTF_8);
    for (String line : text.substring((int) Math.min(offset, text.length())).split("\n")) {
      Matcher m = AFTER_GC.matcher(line);
      if (line.contains("Pause") && m.find()) {
        long v = Long.parseLong(m.group(3));
        values.add(m.group(4).equals("G") ? v * 1024 * 1024 : m.group(4).equals("M") ? v * 1024 : v);
      }
    }
    return values;
  }

  private static long count(Connection jdbc, long from, long to) throws Exception {
    try (PreparedStatement s = jdbc.prepareStatement("SELECT COUNT(*) FROM sale_items WHERE created_at BETWEEN ? AND ?")) {
      s.setLong(1, from);
      s.setLong(2, to);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static double bare(Connection jdbc, String sql, long from, long to) throws Exception {
    long t0 = System.nanoTime();
    long sink = 0;
    try (PreparedStatement s = jdbc.prepareStatement(sql)) {
      s.setLong(1, from);
      s.setLong(2, to);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sink += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3) + rs.getBigDecimal(4).longValue();
        }
      }
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    return sink == Long.MIN_VALUE ? -ms : ms;
  }

  private static String sumOfBuckets(JsonObject data) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String key : data.fieldNames()) {
      sum = sum.add(new BigDecimal(data.getJsonObject(key).getString("total_revenue")));
    }
    return sum.toPlainString();
  }

  private static String get(String base, String token, String query) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ecommerce/v1/get_sales_data?"
            + encodeQuery(query))).header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("get_sales_data answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static String encodeQuery(String query) {
    List<String> parts = new ArrayList<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      parts.add(kv[0] + "=" + URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  private static String login(String base) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ecommerce/v1/login_user"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", ADMIN).put("password", PASSWORD)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.body());
    }
    return new JsonObject(r.body()).getJsonObject("data").getString("access_token");
  }

  private static void awaitReady(String base, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited with " + server.exitValue());
      }
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the server did not become ready");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
