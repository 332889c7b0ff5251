package app.ecommerce.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The handed-over codec: the same bytes as Vert.x's Buffer codec on the wire, no copy locally. */
class HandedOverBufferTest {
  private final HandedOverBuffer codec = new HandedOverBuffer();

  @Test
  void aClusteredBusReadsBackWhatWasWrittenAtAnyPosition() {
    Buffer answer = Buffer.buffer("{\"data\":\"é, 漢字\"}");
    Buffer wire = Buffer.buffer("some header bytes");
    int pos = wire.length();
    codec.encodeToWire(wire, answer);
    wire.appendString("after");
    assertEquals(answer, codec.decodeFromWire(pos, wire));
    Buffer vertx = Buffer.buffer("some header bytes");
    new io.vertx.core.eventbus.impl.codecs.BufferMessageCodec().encodeToWire(vertx, answer);
    assertEquals(vertx, wire.getBuffer(0, vertx.length()), "the wire format of Vert.x's own Buffer codec");
  }

  @Test
  void aCallerOnTheSameNodeGetsTheSameInstance() {
    Buffer answer = Buffer.buffer("x");
    assertSame(answer, codec.transform(answer));
  }
}
