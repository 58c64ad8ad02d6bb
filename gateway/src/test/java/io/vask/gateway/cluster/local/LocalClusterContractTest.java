package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ClusterContract;
import java.time.Clock;

/** The single-node implementation against the cluster contract. */
class LocalClusterContractTest extends ClusterContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
