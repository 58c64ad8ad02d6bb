package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.LeaveGrace;
import io.vask.gateway.cluster.MembershipLifecycle;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.cluster.StartedListener;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the NATS membership parts: held leaves run out their grace on a drain (clients
 * may be reconnecting to other nodes), and closing writes the last counts and queued changes.
 */
final class NatsMembershipLifecycle implements MembershipLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(NatsMembershipLifecycle.class);

  private final String node;
  private final StartedListener listener;
  private final LeaveGrace grace;
  private final Link link;
  private final LocalCounts counts;
  private final CasLanes lanes;
  private final OutageJournal journal;

  NatsMembershipLifecycle(
      String node,
      StartedListener listener,
      LeaveGrace grace,
      Link link,
      LocalCounts counts,
      CasLanes lanes,
      OutageJournal journal) {
    this.node = node;
    this.listener = listener;
    this.grace = grace;
    this.link = link;
    this.counts = counts;
    this.lanes = lanes;
    this.journal = journal;
  }

  @Override
  public void start(MembershipListener listener) {
    this.listener.start(listener);
  }

  @Override
  public CompletionStage<Void> flushPendingLeaves() {
    return grace.flush();
  }

  @Override
  public long droppedWrites() {
    return lanes.rejected();
  }

  @Override
  public long transitionsNotJournaled() {
    return journal.overflowed();
  }

  @Override
  public boolean healthy() {
    return link.up();
  }

  @Override
  public void close() {
    counts.close();
    lanes.close();
    LOG.debug("membership of {} closed", node);
  }
}
