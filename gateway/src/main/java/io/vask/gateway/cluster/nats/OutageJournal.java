package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.cluster.nats.NatsMembership.Back;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Channels this node joined while NATS was unreachable, replayed on the bucket once it is back
 * (before the janitor re-writes its claims): the join is written by compare-and-set and announced
 * as channel_occupied only if it made the transition (no other node held the channel meanwhile); a
 * channel left again during the outage is then released, so its channel_vacated follows after the
 * grace. Bounded: past {@link #MAX_CHANNELS} a join is not journaled and is counted.
 */
final class OutageJournal implements SweptState {
  static final int MAX_CHANNELS = 10_000;

  private final NatsMembership shared;
  private final Set<Leave.OfChannel> joined = new LinkedHashSet<>();
  private final AtomicLong overflowed = new AtomicLong();

  OutageJournal(NatsMembership shared) {
    this.shared = shared;
  }

  synchronized void channelJoined(String appId, String channel) {
    Leave.OfChannel entry = new Leave.OfChannel(appId, channel);
    if (joined.size() >= MAX_CHANNELS && !joined.contains(entry)) {
      overflowed.incrementAndGet();
      return;
    }
    joined.add(entry);
  }

  /** Joins that could not be journaled (their occupancy pair may never be announced). */
  long overflowed() {
    return overflowed.get();
  }

  @Override
  public void reconcile() {
    List<Leave.OfChannel> replay;
    synchronized (this) {
      replay = new ArrayList<>(joined);
      joined.clear();
    }
    replay.forEach(
        leave -> {
          String key = Keys.channel(leave.appId(), leave.channel());
          shared.onLane(key, () -> replay(key, leave));
        });
  }

  private boolean replay(String key, Leave.OfChannel leave) throws Exception {
    Change change = shared.claim(key, null);
    if (change.written() && shared.cameBack(change, leave) == Back.NEW) {
      shared.listener().channelOccupied(leave.appId(), leave.channel());
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
