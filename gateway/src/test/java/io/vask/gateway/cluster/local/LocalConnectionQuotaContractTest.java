package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ConnectionQuotaContract;
import java.time.Clock;

/** The single-node implementation against the ConnectionQuota contract. */
class LocalConnectionQuotaContractTest extends ConnectionQuotaContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
