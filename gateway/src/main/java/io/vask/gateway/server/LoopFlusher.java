package io.vask.gateway.server;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * Consolidates flushes: connections written to during a loop pass are flushed once, at the end of
 * the pass (after all its tasks), so a burst of events costs one syscall per socket, not one per
 * event. Loop-confined.
 */
final class LoopFlusher implements Runnable {
  private final EventLoop loop;
  private List<Connection> pending = new ArrayList<>();
  private List<Connection> spare = new ArrayList<>();
  private boolean scheduled;

  LoopFlusher(EventLoop loop) {
    this.loop = loop;
  }

  void add(Connection connection) {
    pending.add(connection);
    if (!scheduled) {
      scheduled = true;
      if (loop instanceof SingleThreadEventLoop tail) {
        // after every task of this loop pass, so writes queued by other threads (the cluster
        // bus) later in the same pass share the flush
        tail.executeAfterEventLoopIteration(this);
      } else {
        loop.execute(this);
      }
    }
  }

  @Override
  public void run() {
    scheduled = false;
    List<Connection> batch = pending;
    pending = spare;
    for (int i = 0, n = batch.size(); i < n; i++) {
      batch.get(i).flushNow();
    }
    batch.clear();
    spare = batch;
  }
}
