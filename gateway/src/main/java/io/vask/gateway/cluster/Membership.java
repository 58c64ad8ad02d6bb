package io.vask.gateway.cluster;

import java.util.concurrent.CompletionStage;

/**
 * Cluster-wide state that decides transitions exactly once (ARCHITECTURE.md §4), one small
 * interface per concern: a channel is occupied while any node has a subscriber, a presence user is
 * a member while any node has a connection of theirs, a user is online while any node has a
 * signed-in connection of theirs. A returned {@code true} means the call made the cluster-wide
 * transition: the caller announces it. Each caller takes only the parts it uses.
 */
public record Membership(
    Occupancy occupancy,
    Presence presence,
    ChannelCounts counts,
    ConnectionQuota quota,
    OnlineUsers users,
    MembershipLifecycle lifecycle)
    implements AutoCloseable {

  /** See {@link MembershipLifecycle#start}. */
  public void start(MembershipListener listener) {
    lifecycle.start(listener);
  }

  /** See {@link MembershipLifecycle#flushPendingLeaves}. */
  public CompletionStage<Void> flushPendingLeaves() {
    return lifecycle.flushPendingLeaves();
  }

  public boolean healthy() {
    return lifecycle.healthy();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
