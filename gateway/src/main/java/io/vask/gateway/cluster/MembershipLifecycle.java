package io.vask.gateway.cluster;

import java.util.concurrent.CompletionStage;

/** Starting, draining and stopping one node's membership parts. */
public interface MembershipLifecycle extends AutoCloseable {

  /** Starts reporting later transitions to {@code listener}. Called once, before other calls. */
  void start(MembershipListener listener);

  /**
   * Decides every held leave of this node as soon as it can (shutdown): completes when none is
   * left. A node alone decides at once; a clustered node lets the grace run so that clients
   * reconnecting to other nodes are not announced as leaving.
   */
  CompletionStage<Void> flushPendingLeaves();

  /**
   * Membership writes given up because their queue was full (the cluster unreachable or slow for
   * long): the queue is bounded, so a long outage costs counted writes, not memory.
   */
  default long droppedWrites() {
    return 0;
  }

  /**
   * Transitions decided while the cluster was unreachable that could not be kept for announcing
   * once it is back: the outage journal is bounded.
   */
  default long transitionsNotJournaled() {
    return 0;
  }

  /** False while the membership parts cannot reach the cluster. */
  boolean healthy();

  @Override
  void close();
}
