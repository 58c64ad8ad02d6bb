package io.vask.bench.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Server-to-client text frames encoded whole (header + payload), and the subscribe channel. */
final class CeilingFrames {
  private CeilingFrames() {}

  static ByteBuf text(ByteBufAllocator alloc, byte[] payload) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf buf = alloc.directBuffer(header + length);
    buf.writeByte(0x81);
    if (length < 126) {
      buf.writeByte(length);
    } else if (length <= 0xFFFF) {
      buf.writeByte(126);
      buf.writeShort(length);
    } else {
      buf.writeByte(127);
      buf.writeLong(length);
    }
    return buf.writeBytes(payload);
  }

  /** The {@code "channel"} value of a subscribe message, or null. */
  static String channelOf(String subscribe) {
    int key = subscribe.indexOf("\"channel\"");
    if (key < 0) {
      return null;
    }
    int open = subscribe.indexOf('"', subscribe.indexOf(':', key) + 1);
    int close = open < 0 ? -1 : subscribe.indexOf('"', open + 1);
    return close < 0 ? null : subscribe.substring(open + 1, close);
  }
}
