package io.vask.bench.client;

import io.netty.buffer.ByteBuf;

/** Sees each received text frame's payload in place: {@code buf[from, to)}, valid only now. */
@FunctionalInterface
public interface FrameListener {
  void onText(WsSocket socket, ByteBuf buf, int from, int to);
}
