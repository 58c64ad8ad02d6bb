package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.PresenceContract;
import java.time.Clock;

/** The single-node implementation against the Presence contract. */
class LocalPresenceContractTest extends PresenceContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
