package io.vask.bench.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

class CeilingFramesTest {
  @Test
  void findsTheChannelOfASubscribe() {
    assertThat(
            CeilingFrames.channelOf(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"bench-fanout\"}}"))
        .isEqualTo("bench-fanout");
    assertThat(CeilingFrames.channelOf("{\"event\":\"pusher:subscribe\"}")).isNull();
  }

  @Test
  void encodesTextFramesWithTheRightLengthHeader() {
    ByteBuf small = CeilingFrames.text(ByteBufAllocator.DEFAULT, new byte[10]);
    ByteBuf medium = CeilingFrames.text(ByteBufAllocator.DEFAULT, new byte[300]);

    assertThat(small.getUnsignedByte(0)).isEqualTo((short) 0x81);
    assertThat(small.getUnsignedByte(1)).isEqualTo((short) 10);
    assertThat(small.readableBytes()).isEqualTo(12);
    assertThat(medium.getUnsignedByte(1)).isEqualTo((short) 126);
    assertThat(medium.getUnsignedShort(2)).isEqualTo(300);
    assertThat(medium.readableBytes()).isEqualTo(304);
    small.release();
    medium.release();
  }
}
