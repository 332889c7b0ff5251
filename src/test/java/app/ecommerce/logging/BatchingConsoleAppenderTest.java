package app.ecommerce.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event logged is written, once, in order per logging thread, by the time stop() returns. */
class BatchingConsoleAppenderTest {
  @Test
  void nothingIsLostNorReorderedEvenWithATinyQueue() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    BatchingConsoleAppender appender = new BatchingConsoleAppender();
    appender.setContext(context);
    appender.setName("test");
    appender.setEncoder(encoder);
    appender.setQueueSize(16); // loggers must wait for room, never drop
    appender.setIntervalMillis(1);
    Logger logger = context.getLogger("test");
    logger.setLevel(Level.INFO);
    logger.addAppender(appender);

    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      appender.start();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        threads.add(new Thread(() -> {
          for (int i = 0; i < 5_000; i++) {
            logger.info("{} {}", thread, i);
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      appender.stop();
    } finally {
      System.setOut(original);
    }

    int[] next = new int[4];
    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(20_000, lines.length);
    for (String line : lines) {
      String[] parts = line.split(" ");
      int thread = Integer.parseInt(parts[0]);
      assertEquals(next[thread]++, Integer.parseInt(parts[1]), "thread " + thread + " out of order");
    }
  }
}
