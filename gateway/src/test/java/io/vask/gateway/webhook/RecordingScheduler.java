package io.vask.gateway.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A real scheduler that records the delay of every task it is given, so tests can check back-off
 * delays without measuring time. When holding, tasks are kept instead of scheduled and run only by
 * {@link #runHeld}: a batch window then ends exactly when the test says so.
 */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {
  private final List<Long> delays = new CopyOnWriteArrayList<>();
  private final List<Runnable> held = new CopyOnWriteArrayList<>();
  private volatile boolean holding;

  RecordingScheduler() {
    super(2);
    setRemoveOnCancelPolicy(true);
  }

  static RecordingScheduler holding() {
    RecordingScheduler scheduler = new RecordingScheduler();
    scheduler.holding = true;
    return scheduler;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    delays.add(unit.toMillis(delay));
    if (holding) {
      held.add(task);
      return super.schedule(() -> {}, 1, TimeUnit.DAYS);
    }
    return super.schedule(task, delay, unit);
  }

  /** Delays in milliseconds, in the order tasks were scheduled. */
  List<Long> delays() {
    return List.copyOf(delays);
  }

  /** Runs (on the calling thread) every task held so far. */
  void runHeld() {
    List<Runnable> tasks = new ArrayList<>(held);
    held.removeAll(tasks);
    tasks.forEach(Runnable::run);
  }
}
