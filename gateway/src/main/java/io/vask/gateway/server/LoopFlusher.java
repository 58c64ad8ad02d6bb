package io.vask.gateway.server;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * Consolidates flushes: connections written to during a loop pass are flushed once, by one task
 * queued behind the writes, so a burst of events costs one syscall per socket, not one per event.
 * Loop-confined.
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
      loop.execute(this);
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
