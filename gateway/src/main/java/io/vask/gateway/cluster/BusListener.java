package io.vask.gateway.cluster;

/** Where a {@link ClusterBus} hands what reaches this node. Called from bus threads. */
public interface BusListener {
  void deliver(ChannelEvent event);

  void control(ControlMessage message);
}
