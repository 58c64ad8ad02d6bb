package io.vask.bench.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Every loop's subscribers as one set of channels: a message is encoded into a frame once and that
 * frame is handed to each loop, which writes it to its own subscribers.
 */
final class CeilingChannels {
  private final List<CeilingLoop> loops;

  CeilingChannels(List<CeilingLoop> loops) {
    this.loops = List.copyOf(loops);
  }

  /** Sends {@code text} to the channel's subscribers, except {@code sender} (null: none). */
  void broadcast(ByteBufAllocator alloc, String channel, byte[] text, CeilingSocket sender) {
    ByteBuf frame = CeilingFrames.text(alloc, text);
    if (loops.size() > 1) {
      frame.retain(loops.size() - 1);
    }
    for (CeilingLoop loop : loops) {
      if (loop.loop().inEventLoop()) {
        loop.broadcast(channel, frame, sender);
      } else {
        loop.loop().execute(() -> loop.broadcast(channel, frame, sender));
      }
    }
  }
}
