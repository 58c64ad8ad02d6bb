package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.LeaveGraceContract;
import java.time.Clock;

/** The single-node implementation against the LeaveGrace contract. */
class LocalLeaveGraceContractTest extends LeaveGraceContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
