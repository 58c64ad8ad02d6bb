package io.vask.gateway.limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * HTTP API requests per app per second on this gateway, in one-second windows. One entry per app
 * that made a request (bounded by the apps file); safe from any thread.
 */
public final class ApiRateLimit {
  private static final long SECOND_NANOS = 1_000_000_000L;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

  public ApiRateLimit(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Counts one request of {@code appId}; returns 0 when allowed, else the whole seconds until the
   * window ends (for {@code Retry-After}). {@code perSecond} 0 means unlimited.
   */
  public long tryAcquire(String appId, int perSecond) {
    if (perSecond <= 0) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    long[] retryAfter = new long[1];
    windows.compute(
        appId,
        (key, window) -> {
          long[] w = window == null ? new long[] {now, 0} : window;
          if (now - w[0] >= SECOND_NANOS) {
            w[0] = now;
            w[1] = 0;
          }
          if (w[1] >= perSecond) {
            retryAfter[0] =
                Math.max(1, (w[0] + SECOND_NANOS - now + SECOND_NANOS - 1) / SECOND_NANOS);
          } else {
            w[1]++;
          }
          return w;
        });
    return retryAfter[0];
  }
}
