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

  CacheMissGate(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /** Whether this miss should be reported; records it if so. */
  boolean report(String appId, String channel, long nowMillis) {
    boolean[] report = new boolean[1];
    lastReported.compute(
        appId + '\n' + channel,
        (key, last) -> {
          report[0] = last == null || nowMillis - last >= windowMillis;
          return report[0] ? nowMillis : last;
        });
    return report[0];
  }

  /** A subscriber found the cache populated: the next miss is news again. */
  void populated(String appId, String channel) {
    lastReported.remove(appId + '\n' + channel);
  }
}
