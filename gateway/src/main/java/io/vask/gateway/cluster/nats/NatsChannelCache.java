package io.vask.gateway.cluster.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.vask.gateway.cluster.CachedEvent;
import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache channels' last events in the KV bucket {@code vask-cache}, key {@code <app>.<channel>}.
 * Each value carries its own expiry (the app's {@code cacheTtlSeconds} when it was put); the
 * bucket's age limit (the longest TTL an app may have) removes what nobody reads again.
 */
public final class NatsChannelCache implements ChannelCache {
  private static final Logger LOG = LoggerFactory.getLogger(NatsChannelCache.class);

  private final KeyValue bucket;
  private final Clock clock;

  /** Reads and writes waiting by default ({@code VASK_CLUSTER_CACHE_QUEUE}). */
  static final int MAX_QUEUED = 10_000;

  private final AtomicLong dropped = new AtomicLong();
  private final int maxQueued;
  private final ThreadPoolExecutor io;

  public NatsChannelCache(KeyValue bucket, Clock clock) {
    this(bucket, clock, MAX_QUEUED);
  }

  /**
   * {@code maxQueued}: reads and writes waiting while NATS is down or slow; past it a put is
   * dropped, a get misses.
   */
  public NatsChannelCache(KeyValue bucket, Clock clock, int maxQueued) {
    this.bucket = bucket;
    this.clock = clock;
    this.maxQueued = maxQueued;
    this.io =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(maxQueued),
            r -> {
              Thread t = new Thread(r, "vask-cache");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void put(String appId, String channel, String event, String data, int ttlSeconds) {
    ObjectNode value = Json.MAPPER.createObjectNode();
    value.put("event", event);
    value.put("data", data);
    value.put("expires", clock.millis() + ttlSeconds * 1000L);
    byte[] bytes = Json.write(value).getBytes(StandardCharsets.UTF_8);
    try {
      io.execute(
          () -> {
            try {
              bucket.put(key(appId, channel), bytes);
            } catch (Exception e) {
              LOG.warn("cache of {} not stored: {}", channel, e.toString());
            }
          });
    } catch (RejectedExecutionException full) {
      dropped.incrementAndGet();
      LOG.debug("cache of {} not stored: {} writes waiting", channel, maxQueued);
    }
  }

  /** Reads and writes waiting (for metrics). */
  long queued() {
    return io.getQueue().size();
  }

  @Override
  public long droppedWrites() {
    return dropped.get();
  }

  @Override
  public CompletionStage<Optional<CachedEvent>> get(String appId, String channel) {
    try {
      return CompletableFuture.supplyAsync(() -> read(key(appId, channel)), io);
    } catch (RejectedExecutionException full) {
      return CompletableFuture.completedFuture(Optional.empty()); // as for an unreachable cache
    }
  }

  private Optional<CachedEvent> read(String key) {
    try {
      KeyValueEntry entry = bucket.get(key);
      if (entry == null || entry.getValue() == null) {
        return Optional.empty();
      }
      JsonNode json = Json.parse(entry.getValue()).orElse(null);
      if (json == null || json.path("expires").asLong() <= clock.millis()) {
        return Optional.empty();
      }
      return Optional.of(
          new CachedEvent(
              json.path("event").asText(),
              json.path("data").asText(),
              json.path("expires").asLong()));
    } catch (Exception e) {
      LOG.debug("cache {} not read: {}", key, e.toString());
      return Optional.empty(); // unreachable cache: a miss, as for a channel never triggered
    }
  }

  private static String key(String appId, String channel) {
    return appId + "." + Tokens.encode(channel);
  }

  @Override
  public void close() {
    io.shutdownNow();
  }
}
