package io.vask.gateway.cluster;

/** The outcome of adding a presence member cluster-wide. */
public enum MemberJoin {
  /** The user was not present anywhere: broadcast member_added and send its webhook. */
  ADDED,
  /**
   * The user came back within the de-bounce grace of their last leave: subscribers saw
   * member_removed, so broadcast member_added, but neither webhook of the pair is sent.
   */
  RETURNED,
  /** The user was already present (another connection or node): nothing to announce. */
  ALREADY_PRESENT,
  /** The channel has its maximum of unique users: refuse the subscription. */
  FULL
}
