package io.vask.gateway.cluster;

/** The last event triggered on a cache channel, with when it expires. */
public record CachedEvent(String event, String data, long expiresAtMillis) {
  /** Whole seconds left before it expires (at least 1 while it is alive). */
  public long ttlSeconds(long nowMillis) {
    return Math.max(1, (expiresAtMillis - nowMillis + 999) / 1000);
  }
}
