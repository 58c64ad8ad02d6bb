package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.CachedEvent;
import io.vask.gateway.cluster.ChannelCache;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cache channels' last events in memory. Expired entries are dropped when read and by {@link
 * #purgeExpired}, which the gateway calls on a timer so idle channels don't accumulate.
 */
public final class LocalChannelCache implements ChannelCache {
  private final Map<String, CachedEvent> events = new ConcurrentHashMap<>();
  private final Clock clock;

  public LocalChannelCache(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(String appId, String channel, String event, String data, int ttlSeconds) {
    events.put(
        key(appId, channel), new CachedEvent(event, data, clock.millis() + ttlSeconds * 1000L));
  }

  @Override
  public CompletionStage<Optional<CachedEvent>> get(String appId, String channel) {
    String key = key(appId, channel);
    CachedEvent event = events.get(key);
    if (event != null && event.expiresAtMillis() <= clock.millis()) {
      events.remove(key, event);
      event = null;
    }
    return CompletableFuture.completedFuture(Optional.ofNullable(event));
  }

  public void purgeExpired() {
    long now = clock.millis();
    events.values().removeIf(e -> e.expiresAtMillis() <= now);
  }

  @Override
  public void close() {}

  private static String key(String appId, String channel) {
    return appId + '\n' + channel;
  }
}
