package io.vask.gateway.cluster;

/** The outcome of adding a presence member cluster-wide. */
public enum MemberJoin {
  /** The user was not present anywhere: broadcast member_added. */
  ADDED,
  /** The user was already present (another connection or node): nothing to announce. */
  ALREADY_PRESENT,
  /** The channel has its maximum of unique users: refuse the subscription. */
  FULL
}
