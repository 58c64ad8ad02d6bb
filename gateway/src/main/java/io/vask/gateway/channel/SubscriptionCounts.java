package io.vask.gateway.channel;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ChannelEvent;
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
 *
 * <p>Each node tells only its own subscribers, when its view of the total changes: at once for a
 * local subscribe or leave, and when another node's share becomes visible here ({@link #observed}).
 * So every node announces a total that includes the change that caused it, whichever node it was
 * on; the webhook comes from the node where the change happened.
 */
public final class SubscriptionCounts {
  static final int THROTTLE_ABOVE = 100;
  private final AppRegistry apps;
  private final ChannelRegistry registry;
  private final Fanout fanout;
  private final ChannelCounts channelCounts;
  private final Webhooks webhooks;
  private final ScheduledExecutorService timer;
  private final long throttleMillis;
  private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();
  private final Map<String, Long> announced = new ConcurrentHashMap<>();

  /** Per channel: when we last announced, and whether an announcement is already scheduled. */
  private static final class Throttle {
    long lastSentMillis;
    boolean scheduled;
    boolean local;
  }

  public SubscriptionCounts(
      AppRegistry apps,
      ChannelRegistry registry,
      Fanout fanout,
      ChannelCounts channelCounts,
      Webhooks webhooks,
      ScheduledExecutorService timer,
      long throttleMillis) {
    this.apps = apps;
    this.registry = registry;
    this.fanout = fanout;
    this.channelCounts = channelCounts;
    this.webhooks = webhooks;
    this.timer = timer;
    this.throttleMillis = throttleMillis;
  }

  /** A subscriber joined or left {@code channel} on this node. */
  void changed(String appId, ChannelName channel) {
    schedule(appId, channel, true);
  }

  /** Another node's share of the count became visible here: tell this node's subscribers. */
  void observed(String appId, ChannelName channel) {
    if (registry.localCount(appId, channel.value()) > 0) {
      schedule(appId, channel, false);
    }
  }

  private void schedule(String appId, ChannelName channel, boolean local) {
    if (channel.type() == ChannelType.PRESENCE || channel.type() == ChannelType.USER) {
      return;
    }
    AppSettings app = apps.byId(appId).orElse(null);
    if (app == null || !app.features().subscriptionCount()) {
      return;
    }
    String key = appId + '\n' + channel.value();
    if (registry.localCount(appId, channel.value()) <= THROTTLE_ABOVE) {
      throttles.remove(key);
      announce(appId, channel.value(), local);
      return;
    }
    long delay;
    Throttle throttle = throttles.computeIfAbsent(key, k -> new Throttle());
    synchronized (throttle) {
      throttle.local |= local;
      if (throttle.scheduled) {
        return;
      }
      long now = System.currentTimeMillis();
      delay = Math.max(0, throttle.lastSentMillis + throttleMillis - now);
      throttle.scheduled = true;
    }
    timer.schedule(
        () -> {
          boolean anyLocal;
          synchronized (throttle) {
            throttle.scheduled = false;
            throttle.lastSentMillis = System.currentTimeMillis();
            anyLocal = throttle.local;
            throttle.local = false;
          }
          announce(appId, channel.value(), anyLocal);
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Sends the current total to this node's subscribers; a change seen from another node that leaves
   * the total as last announced here is not repeated. {@code local}: the change happened here, so
   * this node also sends the webhook.
   */
  private void announce(String appId, String channel, boolean local) {
    channelCounts
        .stats(appId, channel)
        .thenAccept(
            stats -> {
              long count = stats.subscriptionCount();
              String key = appId + '\n' + channel;
              Long before =
                  registry.localCount(appId, channel) > 0
                      ? announced.put(key, count)
                      : announced.remove(key);
              if (count > 0 && (local || before == null || before != count)) {
                byte[] frame =
                    Frames.subscriptionCount(channel, count).getBytes(StandardCharsets.UTF_8);
                fanout.deliverLocally(new ChannelEvent(appId, channel, frame, null));
              }
              if (local) {
                apps.byId(appId).ifPresent(app -> webhooks.subscriptionCount(app, channel, count));
              }
            });
  }
}
