package io.vask.bench.client;

import io.netty.buffer.ByteBuf;

/** Walks the complete server frames in a buffer, in place; a partial frame is left unread. */
final class WsFrames {
  private static final int TEXT = 1;
  private static final int CLOSE = 8;
  private static final int PING = 9;

  private WsFrames() {}

  static void parse(WsSocket socket, ByteBuf buf) {
    while (true) {
      int start = buf.readerIndex();
      int available = buf.writerIndex() - start;
      if (available < 2) {
        return;
      }
      int opcode = buf.getByte(start) & 0x0F;
      int len7 = buf.getByte(start + 1) & 0x7F;
      int header = len7 < 126 ? 2 : len7 == 126 ? 4 : 10;
      if (available < header) {
        return;
      }
      long length =
          len7 < 126
              ? len7
              : len7 == 126 ? buf.getUnsignedShort(start + 2) : buf.getLong(start + 2);
      if (available < header + length) {
        return;
      }
      int from = start + header;
      int to = (int) (from + length);
      if (opcode == TEXT) {
        socket.onText(buf, from, to);
      } else if (opcode == PING) {
        ByteBuf pong = socket.channel().alloc().buffer(6 + (int) length);
        pong.writeByte(0x8A).writeByte(0x80 | (int) length).writeInt(0);
        pong.writeBytes(buf, from, (int) length);
        socket.channel().writeAndFlush(pong, socket.channel().voidPromise());
      } else if (opcode == CLOSE) {
        socket.onClose(length >= 2 ? buf.getUnsignedShort(from) : 1005);
      }
      buf.readerIndex(to);
    }
  }
}
