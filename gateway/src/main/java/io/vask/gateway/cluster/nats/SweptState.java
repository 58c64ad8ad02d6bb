package io.vask.gateway.cluster.nats;

import java.util.Set;

/**
 * One kind of state in the membership bucket, as the {@link MembershipJanitor} keeps it true to the
 * living: what it asks of the membership parts, and all it may ask.
 */
interface SweptState {

  /**
   * Brings the bucket in line with this node's own share: writes what it lacks (after an outage),
   * withdraws what this node no longer holds, decides leaves whose node never did.
   */
  void reconcile();

  /** Every node that holds something of this kind in the bucket. */
  Set<String> holders();

  /** Takes out everything {@code dead} held, reporting the transitions that makes. */
  void evict(String dead);
}
