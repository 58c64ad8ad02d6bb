package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ChannelStats;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Counts as per-node {@code sc.} keys ({@link LocalCounts}) plus presence users from the view. */
final class NatsChannelCounts implements ChannelCounts {
  private final LocalCounts counts;
  private final MembershipView view;

  NatsChannelCounts(LocalCounts counts, MembershipView view) {
    this.counts = counts;
    this.view = view;
  }

  @Override
  public void localSubscriptionCount(String appId, String channel, long count) {
    counts.subscriptions(appId, channel, count);
  }

  @Override
  public CompletionStage<ChannelStats> stats(String appId, String channel) {
    return completedFuture(
        new ChannelStats(
            counts.subscriptionTotal(appId, channel), view.presentUsers(appId, channel).size()));
  }

  @Override
  public CompletionStage<Map<String, ChannelStats>> channels(String appId, String prefix) {
    return completedFuture(view.channels(appId, prefix));
  }
}
