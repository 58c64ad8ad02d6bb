package io.vask.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.vask.gateway.channel.FrameEncoder;
import io.vask.gateway.channel.OutboundFrame;

/** A frame encoded once, written to many sockets as retained duplicates of one buffer. */
final class SharedFrame implements OutboundFrame {
  private final ByteBuf buf;
  private final int length;

  private SharedFrame(ByteBuf buf, int length) {
    this.buf = buf;
    this.length = length;
  }

  static FrameEncoder encoder(ByteBufAllocator alloc) {
    return (text, holders) -> {
      ByteBuf buf = WebSocketFrames.text(alloc, text);
      if (holders > 1) {
        buf.retain(holders - 1);
      }
      return new SharedFrame(buf, text.length);
    };
  }

  ByteBuf duplicate() {
    return buf.retainedDuplicate();
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public void release() {
    buf.release();
  }
}
