package io.vask.gateway.cluster;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Cluster-wide subscription and presence-user counts, and the list of occupied channels ({@code
 * subscription_count}, {@code user_count}, {@code GET /channels}), answered without a
 * scatter-gather: each node publishes its own share.
 */
public interface ChannelCounts {

  /** This node's subscriber count of a channel changed (0 removes the node's share). */
  void localSubscriptionCount(String appId, String channel, long count);

  /** Cluster-wide counts of one channel. */
  CompletionStage<ChannelStats> stats(String appId, String channel);

  /** Every occupied channel of an app whose name starts with {@code prefix}, with its counts. */
  CompletionStage<Map<String, ChannelStats>> channels(String appId, String prefix);
}
