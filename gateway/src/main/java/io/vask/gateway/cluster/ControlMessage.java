package io.vask.gateway.cluster;

/** Messages for every node of the cluster (not tied to one channel's subscribers). */
public sealed interface ControlMessage {
  String appId();

  /** Close every connection signed in as this user with 4009. */
  record TerminateUser(String appId, String userId) implements ControlMessage {}

  /** A user went online (first signed-in connection cluster-wide) or offline (last one). */
  record UserStatus(String appId, String userId, boolean online) implements ControlMessage {}

  /** The cluster-wide subscription count of a channel changed; nodes tell their subscribers. */
  record SubscriptionCount(String appId, String channel, long count) implements ControlMessage {}

  /** Some node has a debug console watching this app: send its debug records for a while. */
  record DebugWatch(String appId) implements ControlMessage {}
}
