package io.vask.gateway.cluster;

import java.util.concurrent.CompletionStage;

/**
 * Whether a channel has a subscriber anywhere in the cluster (ARCHITECTURE.md §4). A node calls it
 * only when its own answer flips (first/last local subscriber), so writes scale with nodes, not
 * sockets. The last leave is held for the {@link LeaveGrace}: a join within it is no transition.
 */
public interface Occupancy {

  /**
   * This node got its first subscriber of the channel; true if the channel became occupied (not
   * re-occupied within the grace of its last leave): the caller announces channel_occupied.
   */
  CompletionStage<Boolean> channelJoined(String appId, String channel);

  /**
   * This node lost its last subscriber of the channel. If no node has one, the channel is vacated
   * once the grace passes without a join: the listener hears {@code channelVacated}.
   */
  void channelLeft(String appId, String channel);
}
