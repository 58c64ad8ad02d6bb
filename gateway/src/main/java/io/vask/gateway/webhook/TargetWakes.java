package io.vask.gateway.webhook;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One timer per target for its next due request, however many retries wait: retries live in the
 * backlog with their due time, not as timer tasks. A wake is scheduled only when it is earlier than
 * the one pending (which it replaces).
 */
final class TargetWakes {
  private final ScheduledExecutorService timer;
  private final Consumer<String> wake;
  private final Map<String, Pending> pending = new HashMap<>();

  private record Pending(long atMillis, ScheduledFuture<?> task) {}

  TargetWakes(ScheduledExecutorService timer, Consumer<String> wake) {
    this.timer = timer;
    this.wake = wake;
  }

  /** Wakes {@code target} at {@code atMillis} (-1: nothing to wake it for). */
  void at(String target, long atMillis, long now) {
    if (atMillis < 0) {
      return;
    }
    synchronized (this) {
      Pending current = pending.get(target);
      if (current != null && current.atMillis() <= atMillis) {
        return;
      }
      if (current != null) {
        current.task().cancel(false);
      }
      long delay = Math.max(0, atMillis - now);
      ScheduledFuture<?> task =
          timer.schedule(() -> fire(target, atMillis), delay, TimeUnit.MILLISECONDS);
      pending.put(target, new Pending(atMillis, task));
    }
  }

  private void fire(String target, long atMillis) {
    synchronized (this) {
      Pending current = pending.get(target);
      if (current != null && current.atMillis() == atMillis) {
        pending.remove(target);
      }
    }
    wake.accept(target);
  }
}
