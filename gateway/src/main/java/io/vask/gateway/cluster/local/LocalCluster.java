package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.Membership;
import java.time.Clock;

/** The single-node cluster: everything in this process's memory. */
public final class LocalCluster {
  /** How many webhook events may wait in memory before new ones are dropped and counted. */
  public static final int WEBHOOK_CAPACITY = 100_000;

  /** Pusher's webhook de-bounce for channel_vacated and member_removed. */
  public static final long LEAVE_GRACE_MILLIS = 3000;

  private LocalCluster() {}

  public static Cluster create(Clock clock) {
    return create(clock, LEAVE_GRACE_MILLIS);
  }

  public static Cluster create(Clock clock, long leaveGraceMillis) {
    return new Cluster(
        new LocalClusterBus(),
        membership(leaveGraceMillis),
        new LocalChannelCache(clock),
        new LocalWebhookOutbox(WEBHOOK_CAPACITY));
  }

  private static Membership membership(long leaveGraceMillis) {
    LocalMembership shared = new LocalMembership(leaveGraceMillis);
    return new Membership(
        new LocalOccupancy(shared),
        new LocalPresence(shared),
        new LocalChannelCounts(shared),
        new LocalConnectionQuota(),
        new LocalOnlineUsers(),
        shared);
  }
}
