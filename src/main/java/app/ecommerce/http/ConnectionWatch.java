package app.ecommerce.http;

import app.ecommerce.bus.Errors;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection as {@link ConnectionGuard} sees it: a handler before the HTTP decoder notes the
 * first byte of each request, a handler after it notes when the request's headers and body are
 * complete, refuses HTTP versions other than 1.0 and 1.1 (the router then answers 505 in the
 * envelope instead of Vert.x's bare 501), and notes when each response ends. Every field is read
 * and written on the connection's event loop only.
 */
final class ConnectionWatch extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);
  private static final AttributeKey<ConnectionWatch> KEY = AttributeKey.valueOf("ecommerce-connection-watch");

  /** The decoder's verdict on a request line whose version this server does not speak. */
  static final class UnsupportedVersion extends RuntimeException {
    UnsupportedVersion(String version) {
      super("HTTP version " + version + " is not supported", null, false, false);
    }
  }

  /** No request on the connection: it may be closed to make room. */
  static final int IDLE = 0;
  /** A request's headers are arriving and no answer is owed: it may be refused (408) to make room. */
  static final int HEADERS = 1;
  /** A request is being read or answered. */
  static final int BUSY = 2;
  /** Claimed by whoever closes it. */
  static final int GONE = 3;

  private final ConnectionGuard guard;
  /** Written on the connection's event loop; read, and claimed, by any loop that makes room. */
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private ChannelHandlerContext raw;
  private volatile long idleSince;
  private volatile long headersSince = -1;
  private long bodySince;
  private long requestsStarted;
  private long requestsEnded;
  private long responsesEnded;
  private boolean responding;
  private boolean timedOut;
  private boolean refusedVersion;
  private boolean discarding;
  /** The request whose body is being read, as the router knows it (see {@link #attach}). */
  private RoutingContext current;

  ConnectionWatch(ConnectionGuard guard, long now) {
    this.guard = guard;
    this.idleSince = now;
  }

  void install(ChannelPipeline pipeline) {
    pipeline.addBefore("httpDecoder", "requestBytes", new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        raw = ctx;
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
          bytesArrived();
        }
        ctx.fireChannelRead(msg);
      }
    });
    pipeline.addBefore("handler", "connectionWatch", this);
    pipeline.channel().attr(KEY).set(this);
  }

  /**
   * Lets the watch of the request's connection answer it 408 through the router when its body is
   * late, with the request id and log line every answer has; called by {@link RequestLog}, which
   * calls {@link #detach} when the request ends.
   *
   * @return the watch, or null when the connection has none
   */
  static ConnectionWatch attach(RoutingContext ctx) {
    ConnectionWatch watch = of(ctx.request().connection());
    if (watch != null) {
      watch.current = ctx;
    }
    return watch;
  }

  void detach(RoutingContext ctx) {
    if (current == ctx) {
      current = null;
    }
  }

  private static ConnectionWatch of(HttpConnection connection) {
    if (connection instanceof HttpServerConnection server) {
      return server.channelHandlerContext().channel().attr(KEY).get();
    }
    return null;
  }

  private void bytesArrived() {
    if (headersSince < 0 && requestsStarted == requestsEnded) {
      headersSince = System.nanoTime();
      state.compareAndSet(IDLE, HEADERS); // while busy (a pipelined request) it stays busy
    }
  }

  int state() {
    return state.get();
  }

  /** Takes the connection for closing if it is still in {@code expected}: false when it moved on. */
  boolean claim(int expected) {
    return state.compareAndSet(expected, GONE);
  }

  /** The owner's move to {@code next}, unless the connection was claimed for closing. */
  private boolean move(int next) {
    for (int current = state.get(); ; current = state.get()) {
      if (current == GONE) {
        return false;
      }
      if (state.compareAndSet(current, next)) {
        return true;
      }
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request && request.decoderResult().isFailure() && !ctx.channel().isActive()) {
      // the decoder's complaint about headers cut short by the connection closing (the client went
      // away, or a deadline closed it): nobody is left to answer
      LOG.debug("A connection closed in the middle of a request's headers");
      ReferenceCountUtil.release(msg);
      return;
    }
    if (refusedVersion && (discarding || msg instanceof HttpRequest)) {
      // what follows a refused request line (the HTTP/2 preface's "SM") is not answered: the
      // connection closes once the 505 is written
      discarding = true;
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest && !move(BUSY)) {
      ReferenceCountUtil.release(msg); // claimed to make room an instant ago: it is being closed
      return;
    }
    if (msg instanceof HttpRequest request) {
      headersSince = -1;
      bodySince = System.nanoTime();
      requestsStarted++;
      timedOut = false;
      String version = request.protocolVersion().text();
      if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0") && request.decoderResult().isSuccess()) {
        // answered (505) over HTTP/1.1 by the invalid-request handler; Vert.x alone answers a bare 501
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        request.setDecoderResult(DecoderResult.failure(new UnsupportedVersion(version)));
        refusedVersion = true;
      }
    }
    if (msg instanceof LastHttpContent) {
      requestsEnded++;
      becameIdleIfDone();
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
        ctx.write(msg, promise); // 100 Continue: the real response is still to come
        return;
      }
      responding = true;
    }
    if (msg instanceof LastHttpContent && responding) {
      responding = false;
      responsesEnded++;
      if (headersSince >= 0) {
        headersSince = System.nanoTime(); // a pipelined request waited for us, not we for it
      }
      becameIdleIfDone();
      if (isSendingHeaders()) {
        state.compareAndSet(BUSY, HEADERS);
      }
    }
    ctx.write(msg, promise);
  }

  private void becameIdleIfDone() {
    if (isIdle()) {
      idleSince = System.nanoTime(); // before the state says so: whoever makes room reads both
      state.compareAndSet(BUSY, IDLE);
    }
  }

  boolean isOpen() {
    return raw != null && raw.channel().isOpen();
  }

  boolean isIdle() {
    return headersSince < 0 && requestsEnded == requestsStarted && responsesEnded == requestsStarted && !responding;
  }

  /** Sending the headers of a request while no response is owed: the slow-loris position. */
  boolean isSendingHeaders() {
    return headersSince >= 0 && responsesEnded == requestsStarted && !responding;
  }

  long idleSince() {
    return idleSince;
  }

  long headersSince() {
    return headersSince;
  }

  /** Applies the deadlines at {@code now}: called by the sweep of the connection's event loop. */
  void check(long now) {
    if (!isOpen()) {
      return;
    }
    if (requestsStarted > requestsEnded) {
      if (now - bodySince > guard.bodyNanos) {
        bodyOverdue();
      }
    } else if (isSendingHeaders()) {
      if (now - headersSince > guard.headerNanos && claim(HEADERS)) {
        String id = RequestLog.newId();
        LOG.info("request_id={} 408: the request's headers took longer than {} s; connection closed", id,
            guard.limits.headerTimeoutSeconds());
        refuse(408, "Request headers not received within " + guard.limits.headerTimeoutSeconds() + " s", id);
      }
    } else if (isIdle() && now - idleSince > guard.idleNanos && claim(IDLE)) {
      LOG.debug("Closing a connection idle for {} s", guard.limits.idleTimeoutSeconds());
      close();
    }
  }

  /**
   * A body still arriving after the body deadline: answered 408 through the router when no answer
   * has begun (the next sweep closes the connection once it is written), else the connection is cut.
   */
  private void bodyOverdue() {
    RoutingContext ctx = current;
    if (!timedOut && ctx != null && !responding && responsesEnded < requestsStarted && !ctx.response().headWritten()) {
      timedOut = true;
      ctx.fail(Errors.of(408, "Request body not received within " + guard.limits.bodyTimeoutSeconds() + " s",
          null));
      return;
    }
    if (!responding) {
      close();
    }
  }

  void refuse(int status, String message) {
    refuse(status, message, RequestLog.newId());
  }

  private void refuse(int status, String message, String requestId) {
    state.set(GONE);
    String reason = status == 408 ? "Request Timeout" : "Service Unavailable";
    raw.writeAndFlush(ConnectionGuard.rawResponse(status, reason, message, requestId, status == 503))
        .addListener(ChannelFutureListener.CLOSE);
  }

  void close() {
    state.set(GONE);
    raw.channel().close();
  }
}
