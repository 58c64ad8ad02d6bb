package io.vask.gateway;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.local.LocalCluster;
import java.time.Clock;

/** Picks the cluster implementation: in memory, or NATS when {@code VASK_NATS_URL} is set. */
final class ClusterFactory {
  private ClusterFactory() {}

  static Cluster create(GatewaySettings settings, Clock clock) {
    if (settings.clustered()) {
      throw new IllegalStateException(
          "VASK_NATS_URL is set but this build has no NATS cluster support yet");
    }
    return LocalCluster.create(clock);
  }
}
