package io.vask.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WsFramesTest {
  private final List<String> texts = new ArrayList<>();
  private final WsSocket socket =
      new WsSocket(
          "127.0.0.1",
          1,
          "key",
          (s, buf, from, to) -> texts.add(buf.toString(from, to - from, StandardCharsets.UTF_8)),
          loop -> new LoopStats());
  private final EmbeddedChannel channel = new EmbeddedChannel(socket);

  private static byte[] serverFrame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(0x81);
    if (payload.length < 126) {
      buf.writeByte(payload.length);
    } else {
      buf.writeByte(126).writeShort(payload.length);
    }
    buf.writeBytes(payload);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }

  private void upgrade() {
    channel.writeInbound(
        Unpooled.copiedBuffer(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
            StandardCharsets.US_ASCII));
  }

  @Test
  void framesInOneReadAreEachHandedOver() {
    upgrade();
    ByteBuf read = Unpooled.buffer();
    read.writeBytes(serverFrame("{\"event\":\"a\"}")).writeBytes(serverFrame("x".repeat(300)));

    channel.writeInbound(read);

    assertThat(texts).containsExactly("{\"event\":\"a\"}", "x".repeat(300));
  }

  @Test
  void aFrameSplitAcrossReadsIsJoined() {
    upgrade();
    byte[] frame = serverFrame("{\"event\":\"split\",\"data\":\"" + "y".repeat(200) + "\"}");

    channel.writeInbound(Unpooled.wrappedBuffer(frame, 0, 3));
    channel.writeInbound(Unpooled.wrappedBuffer(frame, 3, 100));
    assertThat(texts).isEmpty();
    channel.writeInbound(Unpooled.wrappedBuffer(frame, 103, frame.length - 103));

    assertThat(texts).containsExactly("{\"event\":\"split\",\"data\":\"" + "y".repeat(200) + "\"}");
  }

  @Test
  void framesRightBehindTheUpgradeResponseAreRead() {
    ByteBuf read = Unpooled.buffer();
    read.writeBytes("HTTP/1.1 101 Switching Protocols\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    read.writeBytes(
        serverFrame(
            "{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\"12.34\\\"}\"}"));
    read.writeBytes(serverFrame("{\"event\":\"next\"}"));

    channel.writeInbound(read);

    assertThat(socket.established()).isCompleted();
    assertThat(socket.socketId()).isEqualTo("12.34");
    assertThat(texts).containsExactly("{\"event\":\"next\"}");
  }

  @Test
  void ordersAreCheckedPerSource() {
    assertThat(socket.inOrder(0, 5)).isTrue();
    assertThat(socket.inOrder(1, 3)).isTrue();
    assertThat(socket.inOrder(0, 4)).isFalse();
    assertThat(socket.inOrder(1, 9)).isTrue();
  }
}
