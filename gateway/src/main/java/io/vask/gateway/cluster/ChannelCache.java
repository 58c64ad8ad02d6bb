package io.vask.gateway.cluster;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/** The last HTTP-triggered event of each cache channel, cluster-wide, with the app's TTL. */
public interface ChannelCache extends AutoCloseable {
  /**
   * Starts the cache's own upkeep on the gateway's timer; a cache whose store expires entries by
   * itself (NATS KV's TTL) has none.
   */
  default void start(ScheduledExecutorService timer) {}

  void put(String appId, String channel, String event, String data, int ttlSeconds);

  /** Puts given up because their queue was full (the store unreachable or slow for long). */
  default long droppedWrites() {
    return 0;
  }

  CompletionStage<Optional<CachedEvent>> get(String appId, String channel);

  @Override
  void close();
}
