package io.vask.gateway.cluster.local;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.Occupancy;
import io.vask.gateway.cluster.local.LocalMembership.ChannelState;
import java.util.concurrent.CompletionStage;

/** Occupancy on a single node: the channel's state says it, the grace de-bounces the leave. */
final class LocalOccupancy implements Occupancy {
  private final LocalMembership shared;

  LocalOccupancy(LocalMembership shared) {
    this.shared = shared;
  }

  @Override
  public CompletionStage<Boolean> channelJoined(String appId, String channel) {
    synchronized (shared) {
      ChannelState state = shared.stateOrNew(appId, channel);
      boolean occupied = !state.occupied;
      state.occupied = true;
      boolean returned = occupied && shared.grace().cancel(new Leave.OfChannel(appId, channel));
      return completedFuture(occupied && !returned);
    }
  }

  @Override
  public void channelLeft(String appId, String channel) {
    synchronized (shared) {
      ChannelState state = shared.state(appId, channel);
      if (state == null || !state.occupied) {
        return;
      }
      state.occupied = false;
      state.subscriptions = 0;
      shared.holdLeave(new Leave.OfChannel(appId, channel), appId, channel);
    }
  }
}
