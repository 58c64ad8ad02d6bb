package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Publishes a validated event to its channels (one frame per channel, encoded once) and stores it
 * as the last event of cache channels; answers the {@code info} attributes of a trigger.
 */
final class EventPublisher {
  private final ClusterBus bus;
  private final ChannelCounts counts;
  private final ChannelCache cache;
  private final Clock clock;
  private final DebugStream debug;

  EventPublisher(
      ClusterBus bus, ChannelCounts counts, ChannelCache cache, Clock clock, DebugStream debug) {
    this.bus = bus;
    this.clock = clock;
    this.debug = debug;
    this.counts = counts;
    this.cache = cache;
  }

  void publish(AppSettings app, EventRequest event) {
    long serverTime = app.features().eventMetadata() ? clock.millis() : 0;
    debug.apiMessage(
        app.id(), event.channels(), event.name(), event.data(), event.socketId(), serverTime);
    for (ChannelName channel : event.channels()) {
      String frame = Frames.event(event.name(), channel.value(), event.data(), null, serverTime);
      bus.publish(
          new ChannelEvent(
              app.id(), channel.value(), frame.getBytes(StandardCharsets.UTF_8), event.socketId()));
      if (channel.cached()) {
        cache.put(
            app.id(), channel.value(), event.name(), event.data(), app.timings().cacheTtlSeconds());
      }
    }
  }

  /**
   * The {@code info} attributes of one channel for a trigger reply; attributes that don't apply to
   * the channel are left out (PROTOCOL.md §9.4).
   */
  CompletionStage<ObjectNode> info(AppSettings app, ChannelName channel, Set<String> info) {
    return counts
        .stats(app.id(), channel.value())
        .thenApply(
            stats -> {
              ObjectNode node = Json.MAPPER.createObjectNode();
              if (info.contains("user_count") && channel.type() == ChannelType.PRESENCE) {
                node.put("user_count", stats.userCount());
              }
              if (info.contains("subscription_count")) {
                node.put("subscription_count", stats.subscriptionCount());
              }
              return node;
            });
  }
}
