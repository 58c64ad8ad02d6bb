package io.vask.gateway.server;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.vask.gateway.channel.Loops;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** The I/O event loops by index, and the per-loop flushers. */
final class NettyLoops implements Loops {
  private final List<EventLoop> loops = new ArrayList<>();
  private final Map<EventExecutor, Integer> indexes = new IdentityHashMap<>();
  private final LoopFlusher[] flushers;

  NettyLoops(EventLoopGroup group) {
    for (EventExecutor executor : group) {
      indexes.put(executor, loops.size());
      loops.add((EventLoop) executor);
    }
    flushers = new LoopFlusher[loops.size()];
    for (int i = 0; i < flushers.length; i++) {
      flushers[i] = new LoopFlusher(loops.get(i));
    }
  }

  @Override
  public int count() {
    return loops.size();
  }

  @Override
  public Executor executor(int index) {
    return loops.get(index);
  }

  int indexOf(EventLoop loop) {
    return indexes.get(loop);
  }

  LoopFlusher flusher(int index) {
    return flushers[index];
  }
}
