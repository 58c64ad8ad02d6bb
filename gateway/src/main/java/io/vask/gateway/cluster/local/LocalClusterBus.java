package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.BusListener;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A bus for one node: everything published is for this node, so it goes straight to the listener on
 * the caller's thread. Interest needs no routing when there is one node.
 */
public final class LocalClusterBus implements ClusterBus {
  private volatile BusListener listener;

  @Override
  public void start(BusListener listener) {
    this.listener = listener;
  }

  @Override
  public void publish(ChannelEvent event) {
    listener.deliver(event);
  }

  @Override
  public CompletionStage<Void> addInterest(String appId, String channel) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void removeInterest(String appId, String channel) {}

  @Override
  public void broadcast(ControlMessage message) {
    listener.control(message);
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void close() {}
}
