package io.vask.gateway.channel;

import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.webhook.Webhooks;
import java.nio.charset.StandardCharsets;

/**
 * Announces what the membership parts decided after the fact: held leaves that outlived the grace
 * (webhooks) and memberships of dead nodes this node evicted (subscribers, watchers, webhooks).
 */
public final class ClusterTransitions implements MembershipListener {
  private final AppRegistry apps;
  private final ClusterBus bus;
  private final Webhooks webhooks;
  private final SubscriptionCounts counts;

  public ClusterTransitions(
      AppRegistry apps, ClusterBus bus, Webhooks webhooks, SubscriptionCounts counts) {
    this.apps = apps;
    this.bus = bus;
    this.webhooks = webhooks;
    this.counts = counts;
  }

  @Override
  public void channelVacated(String appId, String channel) {
    apps.byId(appId).ifPresent(a -> webhooks.channelVacated(a, channel));
  }

  @Override
  public void memberRemoved(String appId, String channel, String userId) {
    apps.byId(appId).ifPresent(a -> webhooks.memberRemoved(a, channel, userId));
  }

  @Override
  public void memberEvicted(String appId, String channel, String userId) {
    byte[] frame = Frames.memberRemoved(channel, userId).getBytes(StandardCharsets.UTF_8);
    bus.publish(new ChannelEvent(appId, channel, frame, null));
  }

  @Override
  public void userOffline(String appId, String userId) {
    bus.broadcast(new ControlMessage.UserStatus(appId, userId, false));
  }

  @Override
  public void countChanged(String appId, String channel) {
    ChannelName.parse(channel).ifPresent(name -> counts.changed(appId, name));
  }

  @Override
  public void countObserved(String appId, String channel) {
    ChannelName.parse(channel).ifPresent(name -> counts.observed(appId, name));
  }
}
