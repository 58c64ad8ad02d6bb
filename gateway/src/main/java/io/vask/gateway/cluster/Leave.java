package io.vask.gateway.cluster;

/** A last leave the {@link LeaveGrace} holds, and the transition it becomes when it stands. */
public sealed interface Leave {

  /** Tells {@code listener} the leave stood: the channel vacated or the member removed. */
  void reportTo(MembershipListener listener);

  /** A channel lost its last subscriber. */
  record OfChannel(String appId, String channel) implements Leave {
    @Override
    public void reportTo(MembershipListener listener) {
      listener.channelVacated(appId, channel);
    }
  }

  /** A presence member lost their last connection in the channel. */
  record OfMember(String appId, String channel, String userId) implements Leave {
    @Override
    public void reportTo(MembershipListener listener) {
      listener.memberRemoved(appId, channel, userId);
    }
  }
}
