package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ClusterBusContract;
import java.time.Clock;

/** The single-node implementation against the ClusterBus contract. */
class LocalClusterBusContractTest extends ClusterBusContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
