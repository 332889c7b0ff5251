package app.ecommerce.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a dotenv file such as the original system's {@code .vars}: {@code KEY = 'value'} lines,
 * optional {@code export}, single or double quotes, {@code #} comments. A missing file is empty.
 */
public final class DotEnvFile {
  private DotEnvFile() {
  }

  public static Map<String, String> read(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    if (file == null || !Files.isRegularFile(file)) {
      return values;
    }
    try {
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        parseLine(raw, values);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read settings file " + file + ": " + e.getMessage(), e);
    }
    return values;
  }

  static void parseLine(String raw, Map<String, String> into) {
    String line = raw.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    if (line.startsWith("export ")) {
      line = line.substring(7).strip();
    }
    int eq = line.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String key = line.substring(0, eq).strip();
    String value = line.substring(eq + 1).strip();
    if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')) {
      char quote = value.charAt(0);
      int end = value.indexOf(quote, 1);
      value = end > 0 ? value.substring(1, end) : value.substring(1);
    } else {
      int comment = value.indexOf(" #");
      if (comment >= 0) {
        value = value.substring(0, comment).strip();
      }
    }
    into.put(key, value);
  }
}
