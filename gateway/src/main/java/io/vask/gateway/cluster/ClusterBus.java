package io.vask.gateway.cluster;

import java.util.concurrent.CompletionStage;

/**
 * Moves channel events to the nodes that have subscribers of the channel, this node included
 * (PROTOCOL.md: exclusion and ordering per publisher are kept). Interest is declared per channel
 * while the node has local subscribers, so traffic only reaches nodes that need it.
 */
public interface ClusterBus extends AutoCloseable {

  /** Starts delivering to {@code listener}. Called once, before any other method. */
  void start(BusListener listener);

  /** Delivers to every interested node, this one included (locally without a round trip). */
  void publish(ChannelEvent event);

  /**
   * This node has a local subscriber of the channel (or signed-in user connection). Idempotent: the
   * first call declares the interest, later ones return the same stage. The stage completes once
   * every other node's publications of the channel reach this node (or the cluster is unreachable,
   * when only local delivery is possible), so a subscription is confirmed only after it.
   */
  CompletionStage<Void> addInterest(String appId, String channel);

  /** This node has no more local subscribers of the channel. */
  void removeInterest(String appId, String channel);

  /** Sends a control message to every node, this one included. */
  void broadcast(ControlMessage message);

  /** False while the bus cannot reach the cluster (readiness reports it). */
  boolean healthy();

  /** Events not published because the connection's buffer was full (a long outage). */
  default long droppedPublishes() {
    return 0;
  }

  @Override
  void close();
}
