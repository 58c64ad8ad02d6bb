package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
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
        new LocalMembershipStore(leaveGraceMillis),
        new LocalChannelCache(clock),
        new LocalWebhookOutbox(WEBHOOK_CAPACITY));
  }
}
