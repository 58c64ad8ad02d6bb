package io.vask.gateway.cluster.nats;

import io.nats.client.KeyValue;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every node every couple of seconds and keeps the bucket true to the living: heartbeats
 * this node; writes its claims the bucket lacks (after an outage) and removes what it no longer
 * claims; decides held leaves their node never decided; and evicts nodes whose heartbeat expired.
 * Every survivor may try; each change is a compare-and-set, so each transition is reported once.
 */
final class MembershipJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipJanitor.class);

  private final NatsMembershipStore store;
  private final KeyValue heartbeats;
  private final long heartbeatTtlMillis;

  MembershipJanitor(NatsMembershipStore store, KeyValue heartbeats, long heartbeatTtlMillis) {
    this.store = store;
    this.heartbeats = heartbeats;
    this.heartbeatTtlMillis = heartbeatTtlMillis;
  }

  void beat() {
    if (!store.link.up()) {
      return;
    }
    try {
      heartbeats.put(store.node, Long.toString(System.currentTimeMillis()));
    } catch (Exception e) {
      LOG.debug("heartbeat not written: {}", e.toString());
    }
  }

  void sweep() {
    if (!store.link.up()) {
      return;
    }
    try {
      store.counts.flush();
      reconcile();
      decideOrphanedLeaves();
      // after an outage every heartbeat may have expired: give the others time to beat again
      if (store.link.upFor(heartbeatTtlMillis + 1000)) {
        evictDeadNodes();
      }
    } catch (RuntimeException e) {
      LOG.warn("membership sweep failed", e);
    }
  }

  private void reconcile() {
    for (Map.Entry<String, byte[]> e : store.mirror.all().entrySet()) {
      String key = e.getKey();
      MembershipEntry entry = MembershipEntry.parse(e.getValue());
      if (entry == null || !entry.holds(store.node) || claimed(key)) {
        continue;
      }
      String[] p = Keys.parts(key);
      if (Keys.USER.equals(p[0])) {
        store.lanes.on(key, () -> store.signOut(key));
      } else if (Keys.CHANNEL.equals(p[0])) {
        String channel = Tokens.decode(p[2]);
        store.lanes.on(
            key,
            () ->
                store.release(
                    key, () -> claimed(key), () -> store.listener.channelVacated(p[1], channel)));
      } else if (Keys.MEMBER.equals(p[0])) {
        String channel = Tokens.decode(p[2]);
        String user = Tokens.decode(p[3]);
        store.lanes.on(
            key,
            () ->
                store.release(
                    key,
                    () -> claimed(key),
                    () -> store.listener.memberRemoved(p[1], channel, user)));
      }
    }
    store.channels.keySet().forEach(key -> rejoin(key, null));
    store.members.forEach(this::rejoin);
    store.users.keySet().forEach(key -> rejoin(key, null));
  }

  /** Writes a claim the mirror does not show (lost in an outage or evicted while away). */
  private void rejoin(String key, io.vask.gateway.protocol.PresenceMember member) {
    MembershipEntry seen = MembershipEntry.parse(store.mirror.get(key));
    if (seen != null && seen.holds(store.node)) {
      return;
    }
    store.lanes.on(
        key,
        () ->
            claimed(key)
                && store
                    .lanes
                    .mutate(
                        key,
                        e ->
                            e == null
                                ? MembershipEntry.held(store.node, member)
                                : e.with(store.node))
                    .written());
  }

  private boolean claimed(String key) {
    return store.channels.containsKey(key)
        || store.members.containsKey(key)
        || store.users.containsKey(key);
  }

  private void decideOrphanedLeaves() {
    long stale = System.currentTimeMillis() - store.graceMillis - 2000;
    for (Map.Entry<String, byte[]> e : store.mirror.all().entrySet()) {
      MembershipEntry entry = MembershipEntry.parse(e.getValue());
      if (entry == null || !entry.empty() || entry.leftAt() == 0 || entry.leftAt() > stale) {
        continue;
      }
      String key = e.getKey();
      String[] p = Keys.parts(key);
      String channel = Tokens.decode(p[2]);
      Runnable report =
          Keys.CHANNEL.equals(p[0])
              ? () -> store.listener.channelVacated(p[1], channel)
              : () -> store.listener.memberRemoved(p[1], channel, Tokens.decode(p[3]));
      store.decideHeldLeave(key, entry.leftAt(), report);
    }
  }

  private void evictDeadNodes() {
    Set<String> nodes = new HashSet<>();
    for (Map.Entry<String, byte[]> e : store.mirror.all().entrySet()) {
      String[] p = Keys.parts(e.getKey());
      if (Keys.COUNT.equals(p[0]) || Keys.CONNECTIONS.equals(p[0])) {
        nodes.add(p[p.length - 1]);
      } else {
        MembershipEntry entry = MembershipEntry.parse(e.getValue());
        if (entry != null) {
          nodes.addAll(entry.nodes());
        }
      }
    }
    nodes.remove(store.node);
    for (String node : nodes) {
      try {
        if (heartbeats.get(node) == null) {
          LOG.info("node {} stopped beating: evicting its memberships", node);
          evict(node);
        }
      } catch (Exception e) {
        LOG.debug("heartbeat of {} not read: {}", node, e.toString());
      }
    }
  }

  private void evict(String dead) {
    for (Map.Entry<String, byte[]> e : store.mirror.all().entrySet()) {
      String key = e.getKey();
      String[] p = Keys.parts(key);
      if (Keys.COUNT.equals(p[0]) || Keys.CONNECTIONS.equals(p[0])) {
        if (dead.equals(p[p.length - 1])) {
          store.lanes.on(key, () -> deleteCount(key, p));
        }
        continue;
      }
      MembershipEntry entry = MembershipEntry.parse(e.getValue());
      if (entry != null && entry.holds(dead)) {
        store.lanes.on(key, () -> evictFrom(key, dead, p));
      }
    }
  }

  private boolean deleteCount(String key, String[] p) throws Exception {
    if (store.mirror.get(key) == null) {
      return false;
    }
    store.lanes.bucket().delete(key);
    if (Keys.COUNT.equals(p[0]) && store.listener != null) {
      store.listener.countChanged(p[1], Tokens.decode(p[2]));
    }
    return true;
  }

  /** Takes a dead node out of an entry; the write that empties it reports the leave at once. */
  private boolean evictFrom(String key, String dead, String[] p) throws Exception {
    Change change =
        store.lanes.mutate(
            key,
            e -> {
              if (e == null || !e.holds(dead)) {
                return e;
              }
              MembershipEntry rest = e.without(dead, 0);
              return rest.empty() ? null : rest;
            });
    if (!change.written() || change.after() != null) {
      return false;
    }
    String app = p[1];
    if (Keys.USER.equals(p[0])) {
      store.listener.userOffline(app, Tokens.decode(p[2]));
    } else if (Keys.CHANNEL.equals(p[0])) {
      store.listener.channelVacated(app, Tokens.decode(p[2]));
    } else if (Keys.MEMBER.equals(p[0])) {
      String channel = Tokens.decode(p[2]);
      String user = Tokens.decode(p[3]);
      store.listener.memberEvicted(app, channel, user);
      store.listener.memberRemoved(app, channel, user);
    }
    return true;
  }
}
