package app.ecommerce.http;

import app.ecommerce.config.HttpLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection deadlines and the connection cap of one listener (API.md §4): a connection that
 * sends no request for the idle timeout is closed; one that takes longer than the header timeout
 * to send a request's headers, or the body timeout to send its body, gets 408 and is closed; and
 * no more than the cap are open at once: past it, the longest-idle connection (or, when none is
 * idle, the oldest one still sending its headers), on any event loop, makes room for the new one,
 * and only when every connection is busy with a request is the new one refused with 503.
 *
 * <p>Vert.x 5 has one idle timeout for any socket activity, which a client that sends a byte now
 * and then never trips, and no deadline for headers or bodies; so each connection gets two small
 * Netty handlers ({@link ConnectionWatch}) that note when a request's first byte, its headers and
 * its body arrive and when its response ends, and each event loop sweeps its own connections
 * against those instants a few times per deadline. The pipeline is reached through Vert.x's
 * internal {@code HttpServerConnection}: no public API hands it out.
 *
 * <p>Thread-safe: one instance serves every verticle instance of a listener; a connection's
 * counters are only touched on its own event loop, and another loop that makes room reads only
 * its atomic state and the instants it became idle or began its headers.
 */
public final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final long CAP_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  final long idleNanos;
  final long headerNanos;
  final long bodyNanos;
  final HttpLimits limits;
  private final int maxConnections;
  private final long sweepMillis;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong lastCapWarning = new AtomicLong(System.nanoTime() - CAP_WARNING_INTERVAL_NANOS);
  private final Map<EventExecutor, List<ConnectionWatch>> loops = new ConcurrentHashMap<>();
  /** Every open connection of the listener, whatever its event loop: where room is made. */
  private final Set<ConnectionWatch> all = ConcurrentHashMap.newKeySet();

  /**
   * @param maxConnections the cap of this listener: {@link HttpLimits#effectiveMaxConnections} for
   *     the API, a small one of its own for the management listener
   */
  public ConnectionGuard(HttpLimits limits, int maxConnections) {
    this.limits = limits;
    this.idleNanos = TimeUnit.SECONDS.toNanos(limits.idleTimeoutSeconds());
    this.headerNanos = TimeUnit.SECONDS.toNanos(limits.headerTimeoutSeconds());
    this.bodyNanos = TimeUnit.SECONDS.toNanos(limits.bodyTimeoutSeconds());
    this.maxConnections = maxConnections;
    // a few sweeps per shortest deadline, so that a deadline is overrun by a fraction of itself at most
    long shortest = Math.min(limits.idleTimeoutSeconds(), Math.min(limits.headerTimeoutSeconds(),
        limits.bodyTimeoutSeconds())) * 1000L;
    this.sweepMillis = Math.max(50, Math.min(1000, shortest / 10));
  }

  public int maxConnections() {
    return maxConnections;
  }

  /** Connections open now (tests and metrics). */
  public int openConnections() {
    return open.get();
  }

  /** The server's connection handler: watches the new connection, and enforces the cap. */
  public void install(HttpConnection connection) {
    if (!(connection instanceof HttpServerConnection server)) {
      return;
    }
    Channel channel = server.channelHandlerContext().channel();
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get("httpDecoder") == null) {
      return; // not HTTP/1.x: h2c is off, and there is no TLS here
    }
    List<ConnectionWatch> loop = loops.computeIfAbsent(channel.eventLoop(), this::startSweeping);
    ConnectionWatch watch = new ConnectionWatch(this, System.nanoTime());
    watch.install(pipeline);
    loop.add(watch);
    all.add(watch);
    open.incrementAndGet();
    channel.closeFuture().addListener(closed -> {
      open.decrementAndGet();
      loop.remove(watch);
      all.remove(watch);
    });
    if (open.get() > maxConnections && !makeRoom(watch)) {
      warnAtCap();
      watch.refuse(503, "Too many open connections; try again shortly");
    }
  }

  private List<ConnectionWatch> startSweeping(EventExecutor loop) {
    List<ConnectionWatch> connections = new ArrayList<>();
    loop.scheduleAtFixedRate(() -> sweep(connections), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    return connections;
  }

  private void sweep(List<ConnectionWatch> connections) {
    long now = System.nanoTime();
    for (ConnectionWatch watch : List.copyOf(connections)) {
      watch.check(now);
    }
  }

  /**
   * Closes the longest-idle connection of the listener, on whichever event loop it is, else the
   * oldest one still sending its headers. Connections are spread over the event loops, so a loop
   * whose own connections are all busy must be able to make room on another: each connection's
   * state is claimed atomically ({@link ConnectionWatch#claim}), so a connection whose request
   * begins at that moment is never the one closed.
   */
  private boolean makeRoom(ConnectionWatch newcomer) {
    warnAtCap();
    for (int tries = 0; tries < 8; tries++) {
      ConnectionWatch idle = null;
      ConnectionWatch slow = null;
      for (ConnectionWatch watch : all) {
        if (watch == newcomer) {
          continue;
        }
        int state = watch.state();
        if (state == ConnectionWatch.IDLE && (idle == null || watch.idleSince() < idle.idleSince())) {
          idle = watch;
        } else if (state == ConnectionWatch.HEADERS && (slow == null || watch.headersSince() < slow.headersSince())) {
          slow = watch;
        }
      }
      if (idle == null && slow == null) {
        return false;
      }
      if (idle != null ? idle.claim(ConnectionWatch.IDLE) : slow.claim(ConnectionWatch.HEADERS)) {
        if (idle != null) {
          idle.close();
        } else {
          slow.refuse(408, "Request headers not received in time; the server needed the connection");
        }
        return true;
      }
      // it began a request (or was closed) meanwhile: look again
    }
    return false;
  }

  private void warnAtCap() {
    long now = System.nanoTime();
    long last = lastCapWarning.get();
    if (now - last >= CAP_WARNING_INTERVAL_NANOS && lastCapWarning.compareAndSet(last, now)) {
      LOG.warn("{} HTTP connections are open, the cap (HTTP_MAX_CONNECTIONS): closing idle ones to admit new ones",
          maxConnections);
    }
  }

  /**
   * A whole HTTP/1.1 response in the envelope, written under the codec (there is no request object
   * to answer through), after which the connection is closed.
   */
  static ByteBuf rawResponse(int status, String reason, String message, String requestId, boolean retry) {
    byte[] body = Envelope.of(status, message, new JsonObject()).toBuffer().getBytes();
    String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Connection: close\r\n"
        + (retry ? "Retry-After: 1\r\n" : "")
        + RequestLog.HEADER + ": " + requestId + "\r\n"
        + "Cache-Control: no-store\r\n"
        + "X-Content-Type-Options: nosniff\r\n\r\n";
    ByteBuf out = Unpooled.buffer(head.length() + body.length);
    out.writeCharSequence(head, StandardCharsets.US_ASCII);
    out.writeBytes(body);
    return out;
  }
}
