package io.vask.gateway.cluster;

/** The four cluster parts a gateway runs with; closing closes them all. */
public record Cluster(
    ClusterBus bus, MembershipStore store, ChannelCache cache, WebhookOutbox outbox)
    implements AutoCloseable {

  @Override
  public void close() {
    bus.close();
    store.close();
    cache.close();
    outbox.close();
  }
}
