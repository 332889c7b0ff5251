package app.ecommerce.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the server under test and its real database, for outage tests: it can
 * {@link #cut()} (drop every connection and refuse new ones: a database that is down), {@link
 * #freeze()} (keep connections open but pass no bytes: a database that hangs) and {@link
 * #restore()}. Test-only code; plain blocking sockets on its own threads.
 */
public final class TcpProxy implements AutoCloseable {
  private enum Mode { OPEN, FROZEN, CUT }

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.OPEN;
  private final Object gate = new Object();

  public TcpProxy(String targetHost, int targetPort) throws IOException {
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
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
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
