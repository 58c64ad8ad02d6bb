package io.vask.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.OutageQueue;
import java.util.function.LongSupplier;

/**
 * The cluster's bounded queues toward NATS as gauges: what each refused during an outage (0 on a
 * single node), and what each holds now against its bound ({@code vask_cluster_queue_*}, cluster
 * mode only).
 */
public final class ClusterMeters {
  private ClusterMeters() {}

  /** Registers the gauges of {@code cluster}'s queues. */
  public static void register(Cluster cluster, GatewayMetrics metrics) {
    metrics.reasonCounter(
        "vask_transitions_dropped",
        "Decided transitions whose webhooks were dropped, by reason",
        "outage_journal_full",
        () -> cluster.membership().lifecycle().transitionsNotJournaled());
    metrics.gauge(
        "vask_cluster_publishes_dropped",
        "Channel events not published to the cluster: the NATS reconnect buffer was full",
        () -> cluster.bus().droppedPublishes());
    metrics.gauge(
        "vask_cluster_membership_writes_dropped",
        "Membership writes refused: their queue was full while NATS was unreachable",
        () -> cluster.membership().lifecycle().droppedWrites());
    metrics.gauge(
        "vask_cluster_cache_writes_dropped",
        "Cache channel writes dropped: their queue was full while NATS was unreachable",
        () -> cluster.cache().droppedWrites());
    for (OutageQueue queue : cluster.outageQueues()) {
      String unit = queue.unit() == OutageQueue.Unit.BYTES ? "bytes" : "entries";
      Tags tags = Tags.of("queue", queue.name());
      Gauge.builder("vask_cluster_queue_" + unit, queue.size(), LongSupplier::getAsLong)
          .description("What a queue toward NATS holds; it grows while NATS is unreachable")
          .tags(tags)
          .register(metrics.registry);
      Gauge.builder("vask_cluster_queue_max_" + unit, queue::bound)
          .description("The bound of a queue toward NATS (VASK_CLUSTER_* settings)")
          .tags(tags)
          .register(metrics.registry);
    }
  }
}
