package io.vask.gateway.server;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Consolidates flushes: connections written to during a loop pass are flushed once, at the end of
 * the pass (after all its tasks), so a burst of events costs one syscall per socket, not one per
 * event. Loop-confined.
 */
final class LoopFlusher implements Runnable {
  private final Executor schedule;
  private List<Connection> pending = new ArrayList<>();
  private List<Connection> spare = new ArrayList<>();
  private boolean scheduled;

  LoopFlusher(EventLoop loop) {
    // at the end of the pass, after every task of it, so writes that other threads (the cluster
    // bus) queue later in the same pass share the flush; a plain task where there is no such hook
    this.schedule =
        loop instanceof SingleThreadEventLoop tail
            ? tail::executeAfterEventLoopIteration
            : loop::execute;
  }

  void add(Connection connection) {
    pending.add(connection);
    if (!scheduled) {
      scheduled = true;
      schedule.execute(this);
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
