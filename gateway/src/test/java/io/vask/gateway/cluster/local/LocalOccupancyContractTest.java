package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.OccupancyContract;
import java.time.Clock;

/** The single-node implementation against the Occupancy contract. */
class LocalOccupancyContractTest extends OccupancyContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
