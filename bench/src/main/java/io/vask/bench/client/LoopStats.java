package io.vask.bench.client;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * What one generator event loop observed: a latency histogram (microseconds) and counters. Written
 * only by its loop; {@link #received} is also read by the publisher to bound events in flight.
 */
public final class LoopStats {
  public final Histogram latencyMicros = new Histogram(60_000_000L, 3);
  public final AtomicLong received = new AtomicLong();
  public long outOfOrder;
  public long closes;
  public long errors;

  /** Records one delivery sent at {@code sendNanos} (same host, so the monotonic clock agrees). */
  public void delivered(long sendNanos, long nowNanos) {
    long micros = Math.max(0, (nowNanos - sendNanos) / 1000);
    latencyMicros.recordValue(Math.min(micros, latencyMicros.getHighestTrackableValue()));
    received.setRelease(received.getPlain() + 1);
  }

  public void reset() {
    latencyMicros.reset();
    received.set(0);
    outOfOrder = 0;
    closes = 0;
    errors = 0;
  }
}
