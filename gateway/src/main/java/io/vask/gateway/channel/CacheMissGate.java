package io.vask.gateway.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * De-duplicates {@code cache_miss} webhooks (PROTOCOL.md §6): at most one per channel per window,
 * and again as soon as a subscriber has seen the cache populated. Many clients hitting an empty
 * cache at once then produce one webhook, not a storm.
 */
final class CacheMissGate {
  private final long windowMillis;
  private final Map<String, Long> lastReported = new ConcurrentHashMap<>();
  private volatile long nextPurgeMillis;

  CacheMissGate(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /** Whether this miss should be reported; records it if so. */
  boolean report(String appId, String channel, long nowMillis) {
    if (nowMillis >= nextPurgeMillis) {
      // entries older than the window decide nothing any more: drop them so names don't pile up
      nextPurgeMillis = nowMillis + windowMillis;
      lastReported.values().removeIf(last -> nowMillis - last >= windowMillis);
    }
    boolean[] report = new boolean[1];
    lastReported.compute(
        appId + '\n' + channel,
        (key, last) -> {
          report[0] = last == null || nowMillis - last >= windowMillis;
          return report[0] ? nowMillis : last;
        });
    return report[0];
  }

  int size() {
    return lastReported.size();
  }

  /** A subscriber found the cache populated: the next miss is news again. */
  void populated(String appId, String channel) {
    lastReported.remove(appId + '\n' + channel);
  }
}
