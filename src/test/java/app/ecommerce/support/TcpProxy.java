package app.ecommerce.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the server under test and its real database, for outage tests: it can
 * {@link #cut()} (drop every connection and refuse new ones: a database that is down), {@link
 * #freeze()} (keep connections open but pass no bytes: a database that hangs) and {@link
 * #restore()}. Made with {@link #mysql}, it reads what clients send as MySQL packets and can hold
 * the next COMMIT ({@link #holdNextCommit()}): a database that stops exactly between a
 * transaction's statements and its commit. Test-only code; plain blocking sockets on its own threads.
 */
public final class TcpProxy implements AutoCloseable {
  private enum Mode { OPEN, FROZEN, CUT }

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.OPEN;
  private final Object gate = new Object();
  private final boolean mysqlPackets;
  private final AtomicReference<HeldCommit> armed = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicInteger forwarded = new java.util.concurrent.atomic.AtomicInteger();

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this(targetHost, targetPort, false);
  }

  /** A proxy that understands the MySQL client protocol well enough to hold a COMMIT. */
  public static TcpProxy mysql(String targetHost, int targetPort) throws IOException {
    return new TcpProxy(targetHost, targetPort, true);
  }

  private TcpProxy(String targetHost, int targetPort, boolean mysqlPackets) throws IOException {
    this.mysqlPackets = mysqlPackets;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress("127.0.0.1", 0));
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** How many connections it has passed on to the database so far. */
  public int forwarded() {
    return forwarded.get();
  }

  public void cut() {
    mode = Mode.CUT;
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  public void freeze() {
    mode = Mode.FROZEN;
  }

  public void restore() {
    mode = Mode.OPEN;
    synchronized (gate) {
      gate.notifyAll();
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (mode == Mode.CUT) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(targetHost, targetPort);
        forwarded.incrementAndGet();
        sockets.add(client);
        sockets.add(upstream);
        if (mysqlPackets) {
          pumpPackets(client, upstream);
        } else {
          pump(client, upstream);
        }
        pump(upstream, client);
      } catch (IOException e) {
        // listener closed or upstream refused: the client sees a closed connection
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          waitWhileFrozen();
          if (mode == Mode.CUT) {
            break;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /**
   * A COMMIT held on its way to the database: the client has sent it, the database has not seen
   * it. {@link #forward()} lets it through (then the database commits), {@link #drop()} closes the
   * connection instead (then it rolls back).
   */
  public static final class HeldCommit {
    private final CountDownLatch held = new CountDownLatch(1);
    private final CompletableFuture<Boolean> decision = new CompletableFuture<>();

    public boolean awaitHeld(long seconds) throws InterruptedException {
      return held.await(seconds, TimeUnit.SECONDS);
    }

    public void forward() {
      decision.complete(true);
    }

    public void drop() {
      decision.complete(false);
    }
  }

  /** The next COMMIT any client sends is held until the returned handle decides. */
  public HeldCommit holdNextCommit() {
    if (!mysqlPackets) {
      throw new IllegalStateException("only a proxy made with TcpProxy.mysql can hold a COMMIT");
    }
    HeldCommit hold = new HeldCommit();
    armed.set(hold);
    return hold;
  }

  /** Client to database, packet by packet (3-byte length, sequence number, payload). */
  private void pumpPackets(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (DataInputStream in = new DataInputStream(from.getInputStream()); OutputStream out = to.getOutputStream()) {
        byte[] header = new byte[4];
        // a transaction that sent a plain-text statement besides BEGIN and COMMIT (the sales
        // totals' fold, say) is not an API write, whose statements are all prepared: not held
        boolean plainStatements = false;
        while (true) {
          in.readFully(header);
          int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
          byte[] payload = new byte[length];
          in.readFully(payload);
          waitWhileFrozen();
          if (mode == Mode.CUT) {
            break;
          }
          String query = queryText(payload);
          if (query != null && !isCommit(payload)) {
            boolean begins = query.equalsIgnoreCase("START TRANSACTION") || query.equalsIgnoreCase("BEGIN");
            plainStatements = !begins;
          }
          if (isCommit(payload) && !plainStatements) {
            HeldCommit hold = armed.getAndSet(null);
            if (hold != null) {
              hold.held.countDown();
              if (!hold.decision.get()) {
                break;
              }
            }
          }
          out.write(header);
          out.write(payload);
          out.flush();
        }
      } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
        // one side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-packets");
    t.setDaemon(true);
    t.start();
  }

  /** COM_QUERY (0x03) whose text is COMMIT. */
  private static boolean isCommit(byte[] payload) {
    return "COMMIT".equalsIgnoreCase(queryText(payload));
  }

  /** The text of a COM_QUERY (0x03) packet; null for any other command. */
  private static String queryText(byte[] payload) {
    return payload.length > 1 && payload[0] == 0x03
        ? new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8).strip() : null;
  }

  private void waitWhileFrozen() throws InterruptedException {
    synchronized (gate) {
      while (mode == Mode.FROZEN) {
        gate.wait();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    restore();
    cut();
    try {
      listener.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
