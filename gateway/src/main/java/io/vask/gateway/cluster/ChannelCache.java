package io.vask.gateway.cluster;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The last HTTP-triggered event of each cache channel, cluster-wide, with the app's TTL. */
public interface ChannelCache extends AutoCloseable {
  void put(String appId, String channel, String event, String data, int ttlSeconds);

  CompletionStage<Optional<CachedEvent>> get(String appId, String channel);

  @Override
  void close();
}
