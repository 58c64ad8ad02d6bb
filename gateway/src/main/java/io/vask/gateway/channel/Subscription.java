package io.vask.gateway.channel;

import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.PresenceMember;

/**
 * One channel subscription of a session. It is pending until {@code subscription_succeeded} was
 * sent; only then may the session send client events on it. {@code joined} says whether the session
 * sits in the channel's subscriber set, so a pending one is undone correctly.
 */
public final class Subscription {
  private final ChannelName channel;
  private final PresenceMember member;
  private boolean joined;
  private boolean active;

  Subscription(ChannelName channel, PresenceMember member) {
    this.channel = channel;
    this.member = member;
  }

  public ChannelName channel() {
    return channel;
  }

  /** The presence member this subscription joined as; null for other channel types. */
  public PresenceMember member() {
    return member;
  }

  public boolean active() {
    return active;
  }

  void markJoined() {
    joined = true;
  }

  boolean joined() {
    return joined;
  }

  void activate() {
    active = true;
  }
}
