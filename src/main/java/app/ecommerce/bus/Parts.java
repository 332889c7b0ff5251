package app.ecommerce.bus;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * An answer sent in parts over the bus: the operation reads and encodes one part while the caller
 * writes the previous one, so a large answer reaches its client as it is read instead of after it
 * has been read whole. A service operation answers a {@code Parts} as its result; the caller
 * reads it with {@link ServiceClient#parts}. The caller asks for the next part as soon as it has
 * one (before writing it), so the service never waits for a slow client: a part is asked for
 * within {@link #ASK_TIMEOUT_MS} or the service gives the answer up.
 */
public interface Parts {
  /** How long a service waits for the caller to ask for the next part. */
  long ASK_TIMEOUT_MS = 10_000;

  /** One part; the {@code last} one ends the answer. */
  record Part(Buffer data, boolean last) {
  }

  /**
   * The next part. Called again only once the previous part has arrived, and never after the last
   * one. A failure ends the answer, and the service releases what it held.
   */
  Future<Part> next();

  /** The answer will not be read to its end (the caller went away): release what it holds. */
  void abandon();
}
