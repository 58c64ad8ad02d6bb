package io.vask.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkerTest {
  private static ByteBuf frame(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  @Test
  void readsSendTimeSequenceAndSourceInPlace() {
    ByteBuf buf =
        frame(
            "{\"event\":\"bench\",\"channel\":\"c@\",\"data\":\""
                + Marker.of(123456789L, 42, 7)
                + "\"}");
    int at = Marker.find(buf, 0, buf.writerIndex());

    assertThat(at).isPositive();
    assertThat(Marker.sendNanos(buf, at, buf.writerIndex())).isEqualTo(123456789L);
    assertThat(Marker.sequence(buf, at, buf.writerIndex())).isEqualTo(42);
    assertThat(Marker.source(buf, at, buf.writerIndex())).isEqualTo(7);
  }

  @Test
  void aProbeWithoutSourceHasSourceZero() {
    ByteBuf buf = frame("\"data\":\"" + Marker.of(5, 6) + "\"}");
    int at = Marker.find(buf, 0, buf.writerIndex());

    assertThat(Marker.sequence(buf, at, buf.writerIndex())).isEqualTo(6);
    assertThat(Marker.source(buf, at, buf.writerIndex())).isZero();
  }

  @Test
  void framesWithoutProbeAreNotDeliveries() {
    ByteBuf buf = frame("{\"event\":\"pusher_internal:subscription_succeeded\",\"data\":\"a@b\"}");

    assertThat(Marker.find(buf, 0, buf.writerIndex())).isEqualTo(-1);
    assertThat(
            Marker.contains(
                buf,
                0,
                buf.writerIndex(),
                "subscription_succeeded".getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
  }

  @Test
  void searchStaysInsideTheGivenRange() {
    ByteBuf buf = frame("xx@@1.2yy");

    assertThat(Marker.find(buf, 0, 3)).isEqualTo(-1);
    assertThat(Marker.find(buf, 0, buf.writerIndex())).isEqualTo(4);
  }
}
