package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import io.vask.gateway.cluster.ConnectionQuota;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code maxConnections} by leased slots ({@link SlotLeases}): a node admits a connection at once
 * while it holds a free slot, and otherwise leases more by compare-and-set before admitting. Far
 * from the limit it leases blocks (a quarter of what is free, at most {@link #MAX_BLOCK}), so most
 * connects cost no round trip; near it, one slot per connect. Idle slots go back on the count
 * flush. While NATS is unreachable a node admits only within the slots it holds.
 */
final class NatsConnectionQuota implements ConnectionQuota, SweptState {
  static final int MAX_BLOCK = 16;

  private final String node;
  private final SlotLeases leases;
  private final CasLanes lanes;
  private final KvMirror mirror;
  private final Link link;
  private final LocalCounts counts;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  /** This node's share of one app: open connections, slots held, what was free when last seen. */
  private static final class Held {
    long open;
    long slots;
    long free;
    int max;
  }

  /**
   * @param counts publishes this node's open connections for {@link #connections}
   */
  NatsConnectionQuota(
      String node,
      SlotLeases leases,
      CasLanes lanes,
      KvMirror mirror,
      Link link,
      LocalCounts counts) {
    this.node = node;
    this.counts = counts;
    this.leases = leases;
    this.lanes = lanes;
    this.mirror = mirror;
    this.link = link;
  }

  @Override
  public CompletionStage<Boolean> connectionOpened(String appId, int max) {
    Held share = held.computeIfAbsent(appId, a -> new Held());
    synchronized (share) {
      share.max = max;
      if (max <= 0 || share.open < share.slots) {
        share.open++;
        counts.connections(appId, share.open);
        return completedFuture(true);
      }
    }
    if (!link.up()) {
      return failedFuture(new IOException("cluster unreachable and no connection slot held"));
    }
    return lanes.on(Keys.quota(appId), () -> lease(appId, share, max));
  }

  /** Leases a block of slots and takes one, or refuses when the app has none free. */
  private boolean lease(String appId, Held share, int max) throws Exception {
    synchronized (share) {
      if (share.open < share.slots) { // another lease on this lane made room meanwhile
        share.open++;
        counts.connections(appId, share.open);
        return true;
      }
    }
    long[] block = new long[1];
    long[] base = new long[1];
    SlotLeases.Outcome outcome =
        leases.set(
            Keys.quota(appId),
            node,
            others -> {
              synchronized (share) {
                base[0] = Math.max(share.slots, share.open);
              }
              long free = max - others - base[0];
              block[0] = free <= 0 ? 0 : Math.max(1, Math.min(MAX_BLOCK, free / 4));
              return block[0] == 0 ? null : base[0] + block[0];
            });
    synchronized (share) {
      if (!outcome.written()) {
        share.free = 0;
        return false;
      }
      share.slots = base[0] + block[0];
      share.free = max - outcome.others() - share.slots;
      share.open++;
      counts.connections(appId, share.open);
      return true;
    }
  }

  @Override
  public void connectionClosed(String appId) {
    Held share = held.get(appId);
    if (share != null) {
      synchronized (share) {
        share.open = Math.max(0, share.open - 1);
        counts.connections(appId, share.open);
      }
    }
  }

  /**
   * Gives idle slots back, keeping a quarter of what the app has free cluster-wide (as the mirror
   * last showed it; none near the limit, so that another node can take them). Called every 100 ms.
   */
  void returnIdle() {
    if (!link.up()) {
      return;
    }
    held.forEach(
        (appId, share) -> {
          long leased = leasedTotal(appId);
          synchronized (share) {
            share.free = Math.max(0, share.max - leased);
            if (share.slots - share.open <= keep(share)) {
              return;
            }
          }
          lanes.on(Keys.quota(appId), () -> giveBack(appId, share));
        });
  }

  private static long keep(Held share) {
    return Math.min(MAX_BLOCK, share.free / 4);
  }

  private long leasedTotal(String appId) {
    return SlotLeases.parse(mirror.get(Keys.quota(appId))).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private boolean giveBack(String appId, Held share) throws Exception {
    long keep;
    synchronized (share) {
      // lower the local hold first: the slots must not be handed out while they are returned
      keep = share.open + keep(share);
      if (keep >= share.slots) {
        return false;
      }
      share.slots = keep;
    }
    return leases.set(Keys.quota(appId), node, others -> keep).written();
  }

  /** After an outage, or if this node was evicted meanwhile: the bucket gets this node's hold. */
  @Override
  public void reconcile() {
    held.forEach(
        (appId, share) ->
            lanes.on(
                Keys.quota(appId),
                () -> {
                  long mine;
                  synchronized (share) {
                    mine = Math.max(share.slots, share.open);
                  }
                  return leases.set(Keys.quota(appId), node, others -> mine).written();
                }));
  }

  @Override
  public Set<String> holders() {
    Set<String> nodes = new HashSet<>();
    mirror
        .all()
        .forEach(
            (key, value) -> {
              if (key.startsWith(Keys.QUOTA + ".")) {
                nodes.addAll(SlotLeases.parse(value).keySet());
              }
            });
    return nodes;
  }

  /** A dead node's connections are gone: its slots are free again. */
  @Override
  public void evict(String dead) {
    for (String key : mirror.all().keySet()) {
      if (key.startsWith(Keys.QUOTA + ".")) {
        lanes.on(key, () -> leases.drop(key, dead));
      }
    }
  }

  @Override
  public long connections(String appId) {
    return counts.connectionTotal(appId);
  }
}
