package io.vask.gateway.cluster;

/**
 * The four cluster parts a gateway runs with, the scope of apps they serve, what they share (the
 * NATS connection) and the queues that grow while it is unreachable; closing closes the parts, then
 * what they share.
 */
public record Cluster(
    ClusterBus bus,
    Membership membership,
    ChannelCache cache,
    WebhookOutbox outbox,
    AppScope scope,
    AutoCloseable shared,
    java.util.List<OutageQueue> outageQueues)
    implements AutoCloseable {

  public Cluster {
    outageQueues = java.util.List.copyOf(outageQueues);
  }

  /** Parts without queues toward an outside dependency. */
  public Cluster(
      ClusterBus bus,
      Membership membership,
      ChannelCache cache,
      WebhookOutbox outbox,
      AppScope scope,
      AutoCloseable shared) {
    this(bus, membership, cache, outbox, scope, shared, java.util.List.of());
  }

  /** A single node's parts: every app's state is its own. */
  public Cluster(ClusterBus bus, Membership membership, ChannelCache cache, WebhookOutbox outbox) {
    this(bus, membership, cache, outbox, AppScope.EVERY_APP, () -> {});
  }

  @Override
  public void close() {
    bus.close();
    membership.close();
    cache.close();
    outbox.close();
    try {
      shared.close();
    } catch (Exception e) {
      throw new IllegalStateException("cluster connection did not close cleanly", e);
    }
  }
}
