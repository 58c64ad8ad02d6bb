package io.vask.bench.scenario;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * Calls an action {@code rate} times per second on one event loop for a bounded time; the action
 * gets the running count and may refuse (nothing ready), in which case it is retried next tick.
 */
final class Pacer {
  private Pacer() {}

  /** Completes with the number of accepted calls once {@code millis} have passed. */
  static long run(EventLoop loop, double rate, long millis, LongPredicate action) throws Exception {
    CompletableFuture<Long> done = new CompletableFuture<>();
    long start = System.nanoTime();
    long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
    long[] count = new long[1];
    ScheduledFuture<?>[] tick = new ScheduledFuture<?>[1];
    tick[0] =
        loop.scheduleAtFixedRate(
            () -> {
              long now = System.nanoTime();
              if (now >= end) {
                tick[0].cancel(false);
                done.complete(count[0]);
                return;
              }
              long due = (long) (rate * (now - start) / 1e9) + 1;
              while (count[0] < due && action.test(count[0])) {
                count[0]++;
              }
            },
            0,
            500,
            TimeUnit.MICROSECONDS);
    return done.get(millis + 10_000, TimeUnit.MILLISECONDS);
  }
}
