package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.CachedEvent;
import io.vask.gateway.cluster.ChannelCache;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cache channels' last events in memory. Expired entries are dropped when read and once a minute by
 * {@link #purgeExpired}, scheduled from {@link #start} until {@link #close}, so idle channels don't
 * accumulate.
 */
public final class LocalChannelCache implements ChannelCache {
  private final Map<String, CachedEvent> events = new ConcurrentHashMap<>();

  /** How often expired entries of channels nobody reads are dropped. */
  static final long PURGE_EVERY_SECONDS = 60;

  private final Clock clock;
  private ScheduledFuture<?> purge;

  public LocalChannelCache(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void start(ScheduledExecutorService timer) {
    if (purge == null) {
      purge =
          timer.scheduleWithFixedDelay(
              this::purgeExpired, PURGE_EVERY_SECONDS, PURGE_EVERY_SECONDS, TimeUnit.SECONDS);
    }
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

  void purgeExpired() {
    long now = clock.millis();
    events.values().removeIf(e -> e.expiresAtMillis() <= now);
  }

  /** Events held, expired or not. */
  int size() {
    return events.size();
  }

  @Override
  public synchronized void close() {
    if (purge != null) {
      purge.cancel(false);
      purge = null;
    }
  }

  private static String key(String appId, String channel) {
    return appId + '\n' + channel;
  }
}
