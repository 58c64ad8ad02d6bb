package io.vask.gateway.cluster.local;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.cluster.local.LocalMembership.ChannelState;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/** Counts on a single node: this node's own, kept in the channel's state. */
final class LocalChannelCounts implements ChannelCounts {
  private final LocalMembership shared;

  LocalChannelCounts(LocalMembership shared) {
    this.shared = shared;
  }

  @Override
  public void localSubscriptionCount(String appId, String channel, long count) {
    synchronized (shared) {
      ChannelState state = shared.state(appId, channel);
      if (state != null) {
        state.subscriptions = count;
      }
    }
  }

  @Override
  public CompletionStage<ChannelStats> stats(String appId, String channel) {
    synchronized (shared) {
      ChannelState state = shared.state(appId, channel);
      return completedFuture(state == null ? ChannelStats.EMPTY : stats(state));
    }
  }

  @Override
  public CompletionStage<Map<String, ChannelStats>> channels(String appId, String prefix) {
    Map<String, ChannelStats> result = new TreeMap<>();
    synchronized (shared) {
      shared
          .channels(appId)
          .forEach(
              (name, state) -> {
                if (name.startsWith(prefix) && state.occupied) {
                  result.put(name, stats(state));
                }
              });
    }
    return completedFuture(result);
  }

  private static ChannelStats stats(ChannelState state) {
    return new ChannelStats(state.subscriptions, state.members.size());
  }
}
