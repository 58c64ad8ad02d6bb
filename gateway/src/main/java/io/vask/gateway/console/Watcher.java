package io.vask.gateway.console;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One console watching one app: hands it at most {@code perSecond} records a second and counts the
 * rest as dropped; the count reaches the page as a {@code dropped} record when the next second
 * starts (and the {@code dropped} metric at once). Called from any thread.
 */
public final class Watcher {
  private final String appId;
  private final Consumer<String> sink;
  private final int perSecond;
  private final LongConsumer droppedMetric;
  private long windowStartMillis;
  private int sentInWindow;
  private long droppedUnreported;

  Watcher(String appId, Consumer<String> sink, int perSecond, LongConsumer droppedMetric) {
    this.appId = appId;
    this.sink = sink;
    this.perSecond = perSecond;
    this.droppedMetric = droppedMetric;
  }

  public String appId() {
    return appId;
  }

  /** Passes the record on, or drops it when this second's budget is spent. */
  void offer(String record, long nowMillis) {
    long dropped;
    synchronized (this) {
      dropped = rollWindow(nowMillis);
      if (sentInWindow >= perSecond) {
        droppedUnreported++;
        droppedMetric.accept(1);
        dropped = 0;
        record = null;
      } else {
        sentInWindow++;
      }
    }
    if (dropped > 0) {
      sink.accept(droppedNotice(dropped, nowMillis));
    }
    if (record != null) {
      sink.accept(record);
    }
  }

  /** Reports drops of a window that ended without another record arriving. */
  void tick(long nowMillis) {
    long dropped;
    synchronized (this) {
      dropped = rollWindow(nowMillis);
    }
    if (dropped > 0) {
      sink.accept(droppedNotice(dropped, nowMillis));
    }
  }

  /** Starts a new window when a second has passed; returns the drops to report. */
  private long rollWindow(long nowMillis) {
    if (nowMillis - windowStartMillis < 1000) {
      return 0;
    }
    windowStartMillis = nowMillis;
    sentInWindow = 0;
    long dropped = droppedUnreported;
    droppedUnreported = 0;
    return dropped;
  }

  private String droppedNotice(long count, long nowMillis) {
    return "{\"type\":\"dropped\",\"ts\":" + nowMillis + ",\"count\":" + count + "}";
  }
}
