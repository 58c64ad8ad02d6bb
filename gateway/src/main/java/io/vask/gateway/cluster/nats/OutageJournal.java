package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.cluster.nats.Keys.Key;
import io.vask.gateway.cluster.nats.NatsMembership.Back;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Channels joined and users signed in on this node while NATS was unreachable, replayed on the
 * bucket once it is back (before the janitor re-writes its claims). Each join is written by
 * compare-and-set and announced (channel_occupied, online) only if it made the transition, so
 * nothing another node held meanwhile is announced twice; one undone again during the outage is
 * then released, so channel_vacated (after the grace) or offline follows. Bounded: past {@link
 * #MAX_KEYS} a join is not journaled and is counted.
 */
final class OutageJournal implements SweptState {
  static final int MAX_KEYS = 10_000;

  private final NatsMembership shared;
  private final Set<String> joined = new LinkedHashSet<>();
  private final AtomicLong overflowed = new AtomicLong();

  OutageJournal(NatsMembership shared) {
    this.shared = shared;
  }

  /** Journals the join of a channel ({@code ch.}) or user ({@code us.}) key. */
  synchronized void joined(String key) {
    if (joined.size() >= MAX_KEYS && !joined.contains(key)) {
      overflowed.incrementAndGet();
      return;
    }
    joined.add(key);
  }

  /** Joins that could not be journaled (their transitions may never be announced). */
  long overflowed() {
    return overflowed.get();
  }

  @Override
  public void reconcile() {
    List<String> replay;
    synchronized (this) {
      replay = new ArrayList<>(joined);
      joined.clear();
    }
    for (String key : replay) {
      Keys.parse(key).ifPresent(k -> shared.onLane(key, () -> replay(key, k)));
    }
  }

  private boolean replay(String key, Key parsed) throws Exception {
    Change change = shared.claim(key, null);
    if (Keys.USER.equals(parsed.kind())) {
      if (change.written() && (change.before() == null || change.before().empty())) {
        shared.listener().userOnline(parsed.appId(), parsed.userId());
      }
      if (shared.signOut(key)) {
        shared.listener().userOffline(parsed.appId(), parsed.userId());
      }
      return true;
    }
    Leave leave = new Leave.OfChannel(parsed.appId(), parsed.channel());
    if (change.written() && shared.cameBack(change, leave) == Back.NEW) {
      shared.listener().channelOccupied(parsed.appId(), parsed.channel());
    }
    if (!shared.claims().has(key)) {
      shared.release(key, leave);
    }
    return true;
  }

  @Override
  public Set<String> holders() {
    return Set.of();
  }

  @Override
  public void evict(String dead) {
    // journals only this node's own joins
  }
}
