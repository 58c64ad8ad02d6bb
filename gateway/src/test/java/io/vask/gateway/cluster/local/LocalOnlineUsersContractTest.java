package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.OnlineUsersContract;
import java.time.Clock;

/** The single-node implementation against the OnlineUsers contract. */
class LocalOnlineUsersContractTest extends OnlineUsersContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
