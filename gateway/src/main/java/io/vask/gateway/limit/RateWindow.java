package io.vask.gateway.limit;

/**
 * At most {@code perSecond} actions per one-second window, for one socket: two fields, no
 * allocation. Loop-confined, like the session that holds it.
 */
public final class RateWindow {
  private static final long SECOND_NANOS = 1_000_000_000L;
  private long windowStartNanos;
  private int count;
  private boolean started;

  /** Counts one action; false when the window already had {@code perSecond} of them. */
  public boolean tryAcquire(int perSecond, long nowNanos) {
    if (!started || nowNanos - windowStartNanos >= SECOND_NANOS) {
      started = true;
      windowStartNanos = nowNanos;
      count = 0;
    }
    if (count >= perSecond) {
      return false;
    }
    count++;
    return true;
  }
}
