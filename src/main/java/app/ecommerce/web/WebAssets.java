package app.ecommerce.web;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every file of the web front, read from the jar once at start (a few hundred kilobytes): the
 * {@code web/} resources under their own paths, and the few webjar files the pages load under
 * {@code /vendor/} (fixed names, so that a version bump in the pom changes no page). A fixed map
 * rather than a static-file handler: nothing outside it can be reached, and each file's ETag is
 * the hash of its content.
 */
final class WebAssets {
  private static final String ROOT = "web";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "json", "application/json");
  /** served path → {webjar artifact, file inside its version directory} */
  private static final Map<String, String[]> VENDOR = Map.of(
      "/vendor/preact.js", new String[] {"org.webjars.npm/preact", "dist/preact.module.js"},
      "/vendor/uplot.js", new String[] {"org.webjars.npm/uplot", "dist/uPlot.iife.min.js"},
      "/vendor/uplot.css", new String[] {"org.webjars.npm/uplot", "dist/uPlot.min.css"});

  record Asset(Buffer body, String contentType, String etag) {
  }

  private final Map<String, Asset> byPath;

  private WebAssets(Map<String, Asset> byPath) {
    this.byPath = byPath;
  }

  static WebAssets load() {
    Map<String, Asset> assets = new TreeMap<>();
    try {
      readTree(assets);
      for (Map.Entry<String, String[]> vendor : VENDOR.entrySet()) {
        String artifact = vendor.getValue()[0];
        String name = artifact.substring(artifact.indexOf('/') + 1);
        String resource = "META-INF/resources/webjars/" + name + "/" + version(artifact) + "/" + vendor.getValue()[1];
        assets.put(vendor.getKey(), asset(vendor.getKey(), read(resource)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WebAssets(Map.copyOf(assets));
  }

  /** Files a request may name directly; the pages themselves are served at / and /admin/. */
  boolean servable(String path) {
    return byPath.containsKey(path) && !path.endsWith(".html");
  }

  Set<String> servablePaths() {
    return byPath.keySet().stream().filter(this::servable).collect(Collectors.toCollection(TreeSet::new));
  }

  Asset get(String path) {
    Asset asset = byPath.get(path);
    if (asset == null) {
      throw new IllegalStateException("missing from the jar: " + ROOT + path);
    }
    return asset;
  }

  /** Walks web/ in the jar (or in target/classes when run from the IDE or tests). */
  private static void readTree(Map<String, Asset> assets) throws IOException {
    URL url = WebAssets.class.getClassLoader().getResource(ROOT);
    if (url == null) {
      throw new IOException("missing from the jar: " + ROOT + "/");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        walk(jar.getPath("/" + ROOT), assets);
      }
    } else {
      walk(Path.of(uri), assets);
    }
  }

  private static void walk(Path root, Map<String, Asset> assets) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String path = "/" + root.relativize(file).toString().replace('\\', '/');
        assets.put(path, asset(path, Files.readAllBytes(file)));
      }
    }
  }

  private static Asset asset(String path, byte[] body) {
    String extension = path.substring(path.lastIndexOf('.') + 1);
    String type = TYPES.getOrDefault(extension, "application/octet-stream");
    return new Asset(Buffer.buffer(body), type, "\"" + sha256(body).substring(0, 32) + "\"");
  }

  private static String version(String artifact) throws IOException {
    Properties pom = new Properties();
    try (InputStream in = open("META-INF/maven/" + artifact + "/pom.properties")) {
      pom.load(in);
    }
    return pom.getProperty("version");
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing from the jar: " + resource);
    }
    return in;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
