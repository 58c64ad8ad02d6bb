package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.ChannelCountsContract;
import io.vask.gateway.cluster.Cluster;
import java.time.Clock;

/** The single-node implementation against the ChannelCounts contract. */
class LocalChannelCountsContractTest extends ChannelCountsContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
