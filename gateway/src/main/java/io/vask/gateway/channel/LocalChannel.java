package io.vask.gateway.channel;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One channel's subscribers on this node, split by owning loop. Each loop's set is touched only on
 * that loop; the per-loop counts are atomic so any thread can tell which loops to hand a frame to.
 */
final class LocalChannel {
  private final String name;
  private final SubscriberSet[] perLoop;
  private final AtomicIntegerArray loopCounts;
  private int total; // guarded by the registry's compute lock on this channel's key

  LocalChannel(String name, int loops) {
    this.name = name;
    this.perLoop = new SubscriberSet[loops];
    for (int i = 0; i < loops; i++) {
      perLoop[i] = new SubscriberSet();
    }
    this.loopCounts = new AtomicIntegerArray(loops);
  }

  String name() {
    return name;
  }

  /** Counts a subscriber in; returns the new node-wide count. Under the registry lock. */
  int countIn(int loop) {
    loopCounts.incrementAndGet(loop);
    return ++total;
  }

  /** Counts a subscriber out; returns the new node-wide count. Under the registry lock. */
  int countOut(int loop) {
    loopCounts.decrementAndGet(loop);
    return --total;
  }

  int total() {
    return total;
  }

  int loopCount(int loop) {
    return loopCounts.get(loop);
  }

  int loops() {
    return perLoop.length;
  }

  /** The subscriber set of {@code loop}; only call on that loop. */
  SubscriberSet on(int loop) {
    return perLoop[loop];
  }
}
