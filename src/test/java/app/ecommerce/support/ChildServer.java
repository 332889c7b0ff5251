package app.ecommerce.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production jar ({@code target/ecommerce.jar}) started as a child process, for tests that
 * must kill it (-9), send it SIGTERM or run several nodes. Its output goes to a file under
 * {@code target/child-logs}.
 */
public final class ChildServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private ChildServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static Path jar() {
    Path jar = Path.of(System.getProperty("project.basedir", "."), "target", "ecommerce.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
    }
    return jar;
  }

  /**
   * Starts the jar with these settings (see {@link TestServer#settings}) and waits until it is
   * ready: its database answered, the schema is migrated and its services run.
   */
  public static ChildServer start(String name, Map<String, String> settings) {
    ChildServer child = launch(name, settings);
    child.awaitLog("Node started", Duration.ofSeconds(120));
    return child;
  }

  /** Starts the jar and waits only for its listener (/health), not for its database. */
  public static ChildServer launch(String name, Map<String, String> settings) {
    try {
      Path logs = Path.of(System.getProperty("project.basedir", "."), "target", "child-logs");
      Files.createDirectories(logs);
      Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-jar", jar().toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(settings);
      ChildServer child = new ChildServer(builder.start(), Integer.parseInt(settings.get("HTTP_PORT")), log);
      String verticles = settings.getOrDefault("VERTICLES", "all");
      if (verticles.contains("http") || verticles.equals("all")) {
        child.awaitHealthy(Duration.ofSeconds(120));
      } else {
        child.awaitLog("Management listener", Duration.ofSeconds(120));
      }
      return child;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public void awaitHealthy(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("child server exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException | InterruptedException notYet) {
        // still starting
      }
      sleep(200);
    }
    throw new IllegalStateException("child server did not become healthy in " + timeout + "; see " + log);
  }

  /** Waits until the child's output contains {@code text} (for nodes without HTTP). */
  public void awaitLog(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("child server exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (Files.readString(log).contains(text)) {
          return;
        }
      } catch (IOException notYet) {
        // not written yet
      }
      sleep(200);
    }
    throw new IllegalStateException("child server did not log '" + text + "' in " + timeout + "; see " + log);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flushing, nothing. */
  public void kill9() {
    process.destroyForcibly();
    waitFor(30);
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  public int terminate(long timeoutSeconds) {
    process.destroy();
    return waitFor(timeoutSeconds);
  }

  private int waitFor(long seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("child server did not exit within " + seconds + " s; see " + log);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      waitFor(30);
    }
  }
}
