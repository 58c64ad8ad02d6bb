package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.cluster.nats.Keys.Key;
import io.vask.gateway.cluster.nats.NatsMembership.Back;
import io.vask.gateway.protocol.PresenceMember;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The janitor's work on membership entries (channels, presence members, users): the bucket follows
 * this node's claims, dead nodes' leaves are decided, dead nodes are evicted. Every change is a
 * compare-and-set, so each transition is reported once whichever survivor makes it.
 */
final class EntrySweep implements SweptState {
  private final NatsMembership shared;

  EntrySweep(NatsMembership shared) {
    this.shared = shared;
  }

  @Override
  public void reconcile() {
    withdrawUnclaimed();
    shared.claims().forEach(this::rejoin);
    decideOrphanedLeaves();
  }

  /** Entries that still name this node although it let go (a leave lost in an outage). */
  private void withdrawUnclaimed() {
    for (Map.Entry<String, byte[]> e : shared.mirror().all().entrySet()) {
      String key = e.getKey();
      MembershipEntry entry = shared.mirror().entry(e.getKey(), e.getValue());
      if (entry == null || !entry.holds(shared.node()) || shared.claims().has(key)) {
        continue;
      }
      Keys.parse(key)
          .ifPresent(
              k -> {
                if (Keys.USER.equals(k.kind())) {
                  shared.onLane(key, () -> shared.signOut(key) && reportGone(k));
                } else {
                  k.leave()
                      .ifPresent(leave -> shared.onLane(key, () -> shared.release(key, leave)));
                }
              });
    }
  }

  /**
   * Writes a claim the mirror does not show (lost in an outage or evicted while away); when that
   * makes the transition (nobody else held it meanwhile), it is announced now.
   */
  private void rejoin(String key, PresenceMember member) {
    MembershipEntry seen = shared.seen(key);
    if (seen != null && seen.holds(shared.node())) {
      return;
    }
    shared.onLane(
        key,
        () -> {
          if (!shared.claims().has(key)) {
            return false;
          }
          Change change = shared.claim(key, member);
          Keys.parse(key)
              .filter(k -> change.written() && isNew(change, k))
              .ifPresent(k -> reportBack(k, member));
          return change.written();
        });
  }

  private boolean isNew(Change change, Key key) {
    if (Keys.USER.equals(key.kind())) {
      return change.before() == null || change.before().empty();
    }
    return key.leave().map(leave -> shared.cameBack(change, leave) == Back.NEW).orElse(false);
  }

  /** A claim this node kept through an outage made the transition once written. */
  private void reportBack(Key key, PresenceMember member) {
    MembershipListener listener = shared.listener();
    switch (key.kind()) {
      case Keys.USER -> listener.userOnline(key.appId(), key.userId());
      case Keys.CHANNEL -> listener.channelOccupied(key.appId(), key.channel());
      case Keys.MEMBER -> listener.memberAdded(key.appId(), key.channel(), member);
      default -> {
        // no other kind is claimed
      }
    }
  }

  /** Held leaves past the grace and a margin: their node died before deciding them. */
  private void decideOrphanedLeaves() {
    for (Map.Entry<String, byte[]> e : shared.mirror().all().entrySet()) {
      MembershipEntry entry = shared.mirror().entry(e.getKey(), e.getValue());
      if (entry == null || !entry.empty() || !shared.grace().orphaned(entry.leftAt())) {
        continue;
      }
      String key = e.getKey();
      long leftAt = entry.leftAt();
      Keys.parse(key)
          .flatMap(Key::leave)
          .ifPresent(
              leave -> shared.grace().decideNow(leave, () -> shared.deleteHeldLeave(key, leftAt)));
    }
  }

  @Override
  public Set<String> holders() {
    Set<String> nodes = new HashSet<>();
    for (Map.Entry<String, byte[]> e : shared.mirror().all().entrySet()) {
      MembershipEntry entry = shared.mirror().entry(e.getKey(), e.getValue());
      if (entry != null) {
        nodes.addAll(entry.nodes());
      }
    }
    return nodes;
  }

  @Override
  public void evict(String dead) {
    for (Map.Entry<String, byte[]> e : shared.mirror().all().entrySet()) {
      String key = e.getKey();
      MembershipEntry entry = shared.mirror().entry(e.getKey(), e.getValue());
      if (entry != null && entry.holds(dead)) {
        Keys.parse(key)
            .ifPresent(k -> shared.onLane(key, () -> shared.withdraw(key, dead) && reportGone(k)));
      }
    }
  }

  /** A dead node held the entry's last claim: the transition happens now, without a grace. */
  private boolean reportGone(Key key) {
    MembershipListener listener = shared.listener();
    switch (key.kind()) {
      case Keys.USER -> listener.userOffline(key.appId(), key.userId());
      case Keys.CHANNEL -> listener.channelVacated(key.appId(), key.channel());
      case Keys.MEMBER -> {
        listener.memberEvicted(key.appId(), key.channel(), key.userId());
        listener.memberRemoved(key.appId(), key.channel(), key.userId());
      }
      default -> {
        // counts are not entries
      }
    }
    return true;
  }
}
