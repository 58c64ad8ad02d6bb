package io.vask.gateway.cluster;

/**
 * Transitions the {@link Membership} parts decide after the call that caused them: a leave that
 * outlived the de-bounce grace, or memberships of a dead node evicted by this node. Each is
 * reported once cluster-wide, on the node that decided it, from the membership threads (except
 * {@link #countObserved}, which each node reports for itself).
 */
public interface MembershipListener {

  /**
   * A channel became occupied by a join this node could not write at once (NATS was unreachable):
   * send channel_occupied.
   */
  void channelOccupied(String appId, String channel);

  /**
   * A presence member this node kept through an outage was present nowhere else once it was back:
   * send member_added (frame and webhook).
   */
  void memberAdded(String appId, String channel, io.vask.gateway.protocol.PresenceMember member);

  /** A user signed in on this node while NATS was unreachable was online nowhere else. */
  void userOnline(String appId, String userId);

  /** The channel stayed empty for the whole grace: send channel_vacated. */
  void channelVacated(String appId, String channel);

  /** The user stayed away for the whole grace: send the member_removed webhook. */
  void memberRemoved(String appId, String channel, String userId);

  /**
   * The user's last connection was on a dead node: tell the channel's subscribers now (the webhook
   * follows through {@link #memberRemoved}).
   */
  void memberEvicted(String appId, String channel, String userId);

  /** The user's last signed-in connection was on a dead node: the user is offline. */
  void userOffline(String appId, String userId);

  /** The channel's cluster-wide subscription count changed without a local subscribe. */
  void countChanged(String appId, String channel);

  /**
   * Another node's share of the channel's subscription count became visible here: this node's
   * subscribers learn the new total (the node that changed sends the webhook). Reported on every
   * node, from the thread that observed it.
   */
  void countObserved(String appId, String channel);
}
