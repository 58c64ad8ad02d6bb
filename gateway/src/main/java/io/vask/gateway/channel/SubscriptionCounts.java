package io.vask.gateway.channel;

import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.Frames;
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
  private final ChannelServices services;
  private final ScheduledExecutorService timer;
  private final long throttleMillis;
  private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

  /** Per channel: when we last announced, and whether an announcement is already scheduled. */
  private static final class Throttle {
    long lastSentMillis;
    boolean scheduled;
  }

  public SubscriptionCounts(
      ChannelServices services, ScheduledExecutorService timer, long throttleMillis) {
    this.services = services;
    this.timer = timer;
    this.throttleMillis = throttleMillis;
  }

  /** A subscriber joined or left {@code channel} on this node. */
  void changed(String appId, ChannelName channel) {
    if (channel.type() == ChannelType.PRESENCE || channel.type() == ChannelType.USER) {
      return;
    }
    AppSettings app = services.apps().byId(appId).orElse(null);
    if (app == null || !app.subscriptionCount()) {
      return;
    }
    String key = appId + '\n' + channel.value();
    int local = services.registry().localCount(appId, channel.value());
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
    services
        .store()
        .stats(appId, channel)
        .thenAccept(
            stats -> {
              long count = stats.subscriptionCount();
              if (count > 0) {
                byte[] frame =
                    Frames.subscriptionCount(channel, count).getBytes(StandardCharsets.UTF_8);
                services.bus().publish(new ChannelEvent(appId, channel, frame, null));
              }
              services
                  .apps()
                  .byId(appId)
                  .ifPresent(app -> services.webhooks().subscriptionCount(app, channel, count));
            });
  }
}
