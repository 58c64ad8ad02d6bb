package io.vask.gateway.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Event loops that only queue their tasks; {@link #runAll} runs them on the test's thread, loop by
 * loop in submission order, until every queue is empty. Deterministic, like one pass of real loops.
 */
final class QueuedLoops implements Loops {
  private final List<Queue<Runnable>> queues = new ArrayList<>();

  QueuedLoops(int count) {
    for (int i = 0; i < count; i++) {
      queues.add(new ConcurrentLinkedQueue<>());
    }
  }

  @Override
  public int count() {
    return queues.size();
  }

  @Override
  public Executor executor(int index) {
    return queues.get(index)::add;
  }

  /** Runs queued tasks, and the tasks they queue, until none is left. */
  void runAll() {
    boolean ran = true;
    while (ran) {
      ran = false;
      for (Queue<Runnable> queue : queues) {
        for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
          task.run();
          ran = true;
        }
      }
    }
  }
}
