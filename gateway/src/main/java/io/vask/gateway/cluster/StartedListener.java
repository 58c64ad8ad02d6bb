package io.vask.gateway.cluster;

/**
 * The {@link MembershipListener} a node's membership parts report to, known once the lifecycle is
 * started; the parts are built before it, so they hold this and it forwards. Reports before the
 * start have nobody to hear them and are dropped.
 */
public final class StartedListener implements MembershipListener {
  private volatile MembershipListener delegate;

  public void start(MembershipListener listener) {
    this.delegate = listener;
  }

  @Override
  public void channelVacated(String appId, String channel) {
    MembershipListener l = delegate;
    if (l != null) {
      l.channelVacated(appId, channel);
    }
  }

  @Override
  public void channelOccupied(String appId, String channel) {
    MembershipListener l = delegate;
    if (l != null) {
      l.channelOccupied(appId, channel);
    }
  }

  @Override
  public void memberAdded(
      String appId, String channel, io.vask.gateway.protocol.PresenceMember member) {
    MembershipListener l = delegate;
    if (l != null) {
      l.memberAdded(appId, channel, member);
    }
  }

  @Override
  public void userOnline(String appId, String userId) {
    MembershipListener l = delegate;
    if (l != null) {
      l.userOnline(appId, userId);
    }
  }

  @Override
  public void memberRemoved(String appId, String channel, String userId) {
    MembershipListener l = delegate;
    if (l != null) {
      l.memberRemoved(appId, channel, userId);
    }
  }

  @Override
  public void memberEvicted(String appId, String channel, String userId) {
    MembershipListener l = delegate;
    if (l != null) {
      l.memberEvicted(appId, channel, userId);
    }
  }

  @Override
  public void userOffline(String appId, String userId) {
    MembershipListener l = delegate;
    if (l != null) {
      l.userOffline(appId, userId);
    }
  }

  @Override
  public void countChanged(String appId, String channel) {
    MembershipListener l = delegate;
    if (l != null) {
      l.countChanged(appId, channel);
    }
  }

  @Override
  public void countObserved(String appId, String channel) {
    MembershipListener l = delegate;
    if (l != null) {
      l.countObserved(appId, channel);
    }
  }
}
