package app.ecommerce.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes log events to standard output from one background thread, a batch at a time. The thread
 * that logs (an event loop, for the access log) only puts the event in a bounded queue. The writer
 * sleeps until an event arrives, waits {@code intervalMillis} for others to join it, then encodes
 * the batch and writes it with one system call. Logback's AsyncAppender woke its worker up for every
 * event and wrote each event with its own system call: with one access-log line per request, that
 * was about one thread switch and one write per request.
 *
 * <p>Nothing is dropped: when the queue is full the logging thread waits for room. A line appears
 * about {@code intervalMillis} after it was logged, and {@link #stop()} writes what is still queued
 * (the logback shutdown hook calls it on SIGTERM and System.exit).
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private static final long STOP_WAIT_MILLIS = 2_000;
  private static final long IDLE_WAIT_MILLIS = 1_000;

  private Encoder<ILoggingEvent> encoder;
  private int queueSize = 8192;
  private long intervalMillis = 10;
  private BlockingQueue<ILoggingEvent> queue;
  private Thread writer;

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  public void setIntervalMillis(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("No encoder set for the appender named [" + name + "]");
      return;
    }
    queue = new ArrayBlockingQueue<>(Math.max(1, queueSize));
    writer = new Thread(this::writeUntilStopped, "log-writer-" + name);
    writer.setDaemon(true);
    super.start();
    writer.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing(); // message, MDC and thread name, as the logging thread saw them
    try {
      queue.put(event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      addWarn("Interrupted while waiting for room in the log queue; the event was not logged");
    }
  }

  private void writeUntilStopped() {
    List<ILoggingEvent> batch = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    while (isStarted() || !queue.isEmpty()) {
      try {
        // idle: sleep until the first event comes; then give the others intervalMillis to join it.
        // Under load the queue is never empty here, so no logging thread ever has to wake us.
        ILoggingEvent first = queue.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        TimeUnit.MILLISECONDS.sleep(intervalMillis);
      } catch (InterruptedException stopping) {
        // stop() wakes us up to write what is left
      }
      queue.drainTo(batch);
      write(batch, bytes);
    }
  }

  private void write(List<ILoggingEvent> batch, ByteArrayOutputStream bytes) {
    for (ILoggingEvent event : batch) {
      try {
        bytes.writeBytes(encoder.encode(event));
      } catch (RuntimeException e) {
        addError("Could not encode a log event", e);
      }
    }
    PrintStream out = System.out;
    try {
      bytes.writeTo(out); // one write for the whole batch
    } catch (IOException e) {
      addError("Could not write the log", e);
    }
    out.flush();
    bytes.reset();
    batch.clear();
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    writer.interrupt();
    try {
      writer.join(STOP_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
