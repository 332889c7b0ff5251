package app.ecommerce.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * A {@link PrintStream} whose lines become log events, for tools that print progress (demo data at
 * start-up), so that a server's output stays one format (one JSON object per line with
 * {@code LOG_FORMAT=json}). A carriage return starts the line again, as a terminal would.
 */
public final class LogLines extends OutputStream {
  private final Logger log;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private LogLines(Logger log) {
    this.log = log;
  }

  public static PrintStream to(Logger log) {
    return new PrintStream(new LogLines(log), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else if (b == '\r') {
      line.reset();
    } else {
      line.write(b);
    }
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8).strip();
    line.reset();
    if (!text.isEmpty()) {
      log.info(text);
    }
  }

  @Override
  public synchronized void close() {
    emit();
  }
}
