package io.vask.gateway.cluster.nats;

import io.nats.client.KeyValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every node every couple of seconds and keeps the bucket true to the living: heartbeats
 * this node; has each {@link SweptState} reconcile this node's share (after an outage) and decide
 * leaves their node never decided; and evicts nodes whose heartbeat expired. Every survivor may
 * try; each change is a compare-and-set, so each transition is reported once.
 */
final class MembershipJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipJanitor.class);

  private final String node;
  private final Link link;
  private final KeyValue heartbeats;
  private final long heartbeatTtlMillis;
  private final List<SweptState> states;

  MembershipJanitor(
      String node,
      Link link,
      KeyValue heartbeats,
      long heartbeatTtlMillis,
      List<SweptState> states) {
    this.node = node;
    this.link = link;
    this.heartbeats = heartbeats;
    this.heartbeatTtlMillis = heartbeatTtlMillis;
    this.states = List.copyOf(states);
  }

  void beat() {
    if (!link.up()) {
      return;
    }
    try {
      heartbeats.put(node, Long.toString(System.currentTimeMillis()));
    } catch (Exception e) {
      LOG.debug("heartbeat not written: {}", e.toString());
    }
  }

  void sweep() {
    if (!link.up()) {
      return;
    }
    try {
      states.forEach(SweptState::reconcile);
      // after an outage every heartbeat may have expired: give the others time to beat again
      if (link.upFor(heartbeatTtlMillis + 1000)) {
        evictDeadNodes();
      }
    } catch (RuntimeException e) {
      LOG.warn("membership sweep failed", e);
    }
  }

  private void evictDeadNodes() {
    Set<String> nodes = new HashSet<>();
    states.forEach(s -> nodes.addAll(s.holders()));
    nodes.remove(node);
    for (String holder : nodes) {
      try {
        if (heartbeats.get(holder) == null) {
          LOG.info("node {} stopped beating: evicting its memberships", holder);
          states.forEach(s -> s.evict(holder));
        }
      } catch (Exception e) {
        LOG.debug("heartbeat of {} not read: {}", holder, e.toString());
      }
    }
  }
}
