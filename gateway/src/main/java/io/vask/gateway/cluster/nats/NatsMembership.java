package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.LeaveGrace;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.protocol.PresenceMember;
import java.util.concurrent.CompletionStage;

/**
 * What the NATS membership parts share: this node's {@link Claims}, the bucket (written by
 * compare-and-set on {@link CasLanes}, read through the {@link KvMirror}) and the {@link
 * LeaveGrace}. A claim is written only when this node's answer flips; the write that makes a
 * cluster-wide transition reports it, once, whichever node wins. A held leave is an entry with no
 * nodes stamped with the leave time, so every node sees it.
 */
final class NatsMembership {
  private final String node;
  private final CasLanes lanes;
  private final KvMirror mirror;
  private final Link link;
  private final Claims claims = new Claims();
  private final LeaveGrace grace;
  private final MembershipListener listener;

  NatsMembership(
      String node,
      CasLanes lanes,
      KvMirror mirror,
      Link link,
      LeaveGrace grace,
      MembershipListener listener) {
    this.node = node;
    this.lanes = lanes;
    this.mirror = mirror;
    this.link = link;
    this.grace = grace;
    this.listener = listener;
  }

  /** How a join found its entry: absent, held within the grace, or already held by others. */
  enum Back {
    NEW,
    RETURNED,
    ALREADY
  }

  String node() {
    return node;
  }

  Claims claims() {
    return claims;
  }

  boolean up() {
    return link.up();
  }

  /** The entry as this node last saw it (null if absent or unreadable). */
  MembershipEntry seen(String key) {
    return mirror.entry(key);
  }

  /** This node's copy of the bucket (lags it by a message; decisions use compare-and-set). */
  KvMirror mirror() {
    return mirror;
  }

  MembershipListener listener() {
    return listener;
  }

  LeaveGrace grace() {
    return grace;
  }

  /** Runs {@code work} on the key's lane (this node's changes to a key stay in order). */
  <T> CompletionStage<T> onLane(String key, CasLanes.Work<T> work) {
    return lanes.on(key, work);
  }

  /** Adds this node to the key's entry. Call on the key's lane. */
  Change claim(String key, PresenceMember member) throws Exception {
    return lanes.mutate(key, e -> e == null ? MembershipEntry.held(node, member) : e.with(node));
  }

  /**
   * Classifies a written join. A leave held within the grace is a return (this node's own hold of
   * it is cancelled); one left longer ago was not decided by its node (it died): this join reports
   * that leave first, then counts as new.
   */
  Back cameBack(Change change, Leave leave) {
    MembershipEntry before = change.before();
    if (before == null) {
      return Back.NEW;
    }
    if (!before.empty()) {
      return Back.ALREADY;
    }
    grace.cancel(leave);
    if (grace.returnedInTime(before.leftAt())) {
      return Back.RETURNED;
    }
    grace.reportOverdue(leave);
    return Back.NEW;
  }

  /**
   * Takes this node out of the entry (unless it claimed it again meanwhile). True if that emptied
   * it: the entry is stamped with the leave time and the grace holds the leave. Call on the lane.
   */
  boolean release(String key, Leave leave) throws Exception {
    if (claims.has(key)) {
      return false;
    }
    long now = System.currentTimeMillis();
    Change change = lanes.mutate(key, e -> e == null || !e.holds(node) ? e : e.without(node, now));
    boolean emptied = change.written() && change.after().empty();
    if (emptied) {
      grace.hold(leave, () -> deleteHeldLeave(key, now));
    }
    return emptied;
  }

  /** Deletes an entry still empty since {@code leftAt}: true if this node did (the leave stood). */
  CompletionStage<Boolean> deleteHeldLeave(String key, long leftAt) {
    return lanes.on(
        key,
        () ->
            lanes
                .mutate(key, e -> e != null && e.empty() && e.leftAt() == leftAt ? null : e)
                .written());
  }

  /** Takes {@code holder} out of the entry, deleting it once empty: true if this emptied it. */
  boolean withdraw(String key, String holder) throws Exception {
    Change change =
        lanes.mutate(
            key,
            e -> {
              if (e == null || !e.holds(holder)) {
                return e;
              }
              MembershipEntry rest = e.without(holder, 0);
              return rest.empty() ? null : rest;
            });
    return change.written() && change.after() == null;
  }

  /** Users have no grace (watchlist events are immediate): the last node deletes the entry. */
  boolean signOut(String key) throws Exception {
    return !claims.has(key) && withdraw(key, node);
  }
}
