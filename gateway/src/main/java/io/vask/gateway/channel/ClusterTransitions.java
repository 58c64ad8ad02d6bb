package io.vask.gateway.channel;

import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Announces what the membership parts decided after the fact: held leaves that outlived the grace
 * (webhooks), memberships of dead nodes this node evicted (subscribers, watchers, webhooks), and
 * transitions decided while NATS was unreachable, once it is back.
 */
public final class ClusterTransitions implements MembershipListener {
  private final AppRegistry apps;
  private final ClusterBus bus;
  private final Webhooks webhooks;
  private final SubscriptionCounts counts;
  private final Consumer<String> notServed;

  /**
   * {@code notServed} counts a webhook dropped because its app is not served here: the cluster
   * parts only decide for apps this node serves, so only an app removed from the apps file a moment
   * ago gets there.
   */
  public ClusterTransitions(
      AppRegistry apps,
      ClusterBus bus,
      Webhooks webhooks,
      SubscriptionCounts counts,
      Consumer<String> notServed) {
    this.apps = apps;
    this.bus = bus;
    this.webhooks = webhooks;
    this.counts = counts;
    this.notServed = notServed;
  }

  @Override
  public void channelOccupied(String appId, String channel) {
    apps.byId(appId)
        .ifPresentOrElse(a -> webhooks.channelOccupied(a, channel), () -> notServed.accept(appId));
  }

  @Override
  public void memberAdded(String appId, String channel, PresenceMember member) {
    byte[] frame = Frames.memberAdded(channel, member).getBytes(StandardCharsets.UTF_8);
    bus.publish(new ChannelEvent(appId, channel, frame, null));
    apps.byId(appId)
        .ifPresentOrElse(
            a -> webhooks.memberAdded(a, channel, member.userId()), () -> notServed.accept(appId));
  }

  @Override
  public void userOnline(String appId, String userId) {
    bus.broadcast(new ControlMessage.UserStatus(appId, userId, true));
  }

  @Override
  public void channelVacated(String appId, String channel) {
    apps.byId(appId)
        .ifPresentOrElse(a -> webhooks.channelVacated(a, channel), () -> notServed.accept(appId));
  }

  @Override
  public void memberRemoved(String appId, String channel, String userId) {
    apps.byId(appId)
        .ifPresentOrElse(
            a -> webhooks.memberRemoved(a, channel, userId), () -> notServed.accept(appId));
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
