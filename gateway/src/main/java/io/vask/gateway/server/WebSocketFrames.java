package io.vask.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes a server-to-client WebSocket text frame (header and payload) into one buffer, so a frame
 * shared by many sockets is written as-is: the WebSocket encoder passes raw buffers through.
 */
final class WebSocketFrames {
  private static final int FIN_TEXT = 0x81;

  private WebSocketFrames() {}

  static ByteBuf text(ByteBufAllocator alloc, byte[] payload) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf buf = alloc.directBuffer(header + length);
    buf.writeByte(FIN_TEXT);
    if (length < 126) {
      buf.writeByte(length);
    } else if (length <= 0xFFFF) {
      buf.writeByte(126);
      buf.writeShort(length);
    } else {
      buf.writeByte(127);
      buf.writeLong(length);
    }
    buf.writeBytes(payload);
    return buf;
  }
}
