package app.ecommerce.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The codec of a service's Buffer answer: on the wire (a clustered bus) exactly as Vert.x's own
 * Buffer codec, but delivered to a caller on the same node as the same instance instead of a copy.
 * Vert.x copies a Buffer on local delivery so that neither side can see the other's later writes;
 * a service hands its answer over and never touches it again ({@link ServiceOperations.Operation}),
 * and a rows-included sales answer is tens of megabytes, copied once more for nothing.
 */
final class HandedOverBuffer implements MessageCodec<Buffer, Buffer> {
  static final String NAME = "handed-over-buffer";

  @Override
  public void encodeToWire(Buffer wire, Buffer answer) {
    wire.appendInt(answer.length()).appendBuffer(answer);
  }

  @Override
  public Buffer decodeFromWire(int pos, Buffer wire) {
    int length = wire.getInt(pos);
    return wire.getBuffer(pos + 4, pos + 4 + length);
  }

  @Override
  public Buffer transform(Buffer answer) {
    return answer;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
