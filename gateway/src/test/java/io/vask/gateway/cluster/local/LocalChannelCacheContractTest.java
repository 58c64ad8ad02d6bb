package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.ChannelCacheContract;
import io.vask.gateway.cluster.Cluster;
import java.time.Clock;

/** The single-node implementation against the ChannelCache contract. */
class LocalChannelCacheContractTest extends ChannelCacheContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
