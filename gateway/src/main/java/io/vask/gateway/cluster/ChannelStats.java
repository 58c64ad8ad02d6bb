package io.vask.gateway.cluster;

/** Cluster-wide counts of one channel: connections subscribed, and unique presence users. */
public record ChannelStats(long subscriptionCount, long userCount) {
  public static final ChannelStats EMPTY = new ChannelStats(0, 0);
}
