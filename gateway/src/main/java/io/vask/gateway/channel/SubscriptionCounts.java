package io.vask.gateway.channel;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells subscribers a channel's cluster-wide subscription count (PROTOCOL.md §8) when the app
 * enables it: on every change while the channel has at most 100 subscribers, at most every 5 s
 * (with the latest value) above that. Also feeds the {@code subscription_count} webhook.
 */
public final class SubscriptionCounts {
  static final int THROTTLE_ABOVE = 100;
  private final AppRegistry apps;
  private final ChannelRegistry registry;
  private final ClusterBus bus;
  private final ChannelCounts channelCounts;
  private final Webhooks webhooks;
  private final ScheduledExecutorService timer;
  private final long throttleMillis;
  private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

  /** Per channel: when we last announced, and whether an announcement is already scheduled. */
  private static final class Throttle {
    long lastSentMillis;
    boolean scheduled;
  }

  public SubscriptionCounts(
      AppRegistry apps,
      ChannelRegistry registry,
      ClusterBus bus,
      ChannelCounts channelCounts,
      Webhooks webhooks,
      ScheduledExecutorService timer,
      long throttleMillis) {
    this.apps = apps;
    this.registry = registry;
    this.bus = bus;
    this.channelCounts = channelCounts;
    this.webhooks = webhooks;
    this.timer = timer;
    this.throttleMillis = throttleMillis;
  }

  /** A subscriber joined or left {@code channel} on this node. */
  void changed(String appId, ChannelName channel) {
    if (channel.type() == ChannelType.PRESENCE || channel.type() == ChannelType.USER) {
      return;
    }
    AppSettings app = apps.byId(appId).orElse(null);
    if (app == null || !app.features().subscriptionCount()) {
      return;
    }
    String key = appId + '\n' + channel.value();
    int local = registry.localCount(appId, channel.value());
    if (local <= THROTTLE_ABOVE) {
      throttles.remove(key);
      announce(appId, channel.value());
      return;
    }
    long delay;
    Throttle throttle = throttles.computeIfAbsent(key, k -> new Throttle());
    synchronized (throttle) {
      if (throttle.scheduled) {
        return;
      }
      long now = System.currentTimeMillis();
      delay = Math.max(0, throttle.lastSentMillis + throttleMillis - now);
      throttle.scheduled = true;
    }
    timer.schedule(
        () -> {
          synchronized (throttle) {
            throttle.scheduled = false;
            throttle.lastSentMillis = System.currentTimeMillis();
          }
          announce(appId, channel.value());
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private void announce(String appId, String channel) {
    channelCounts
        .stats(appId, channel)
        .thenAccept(
            stats -> {
              long count = stats.subscriptionCount();
              if (count > 0) {
                byte[] frame =
                    Frames.subscriptionCount(channel, count).getBytes(StandardCharsets.UTF_8);
                bus.publish(new ChannelEvent(appId, channel, frame, null));
              }
              apps.byId(appId).ifPresent(app -> webhooks.subscriptionCount(app, channel, count));
            });
  }
}
