package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.testing.NatsServer;
import java.time.Clock;

/** A NATS node for the contract runners: the given grace, quick heartbeats and sweeps. */
final class ContractNodes {
  private ContractNodes() {}

  static Cluster connect(NatsServer nats, long grace) throws Exception {
    return NatsCluster.connect(
        nats.url(), "contract", Clock.systemUTC(), new NatsTimings(grace, 3000, 500));
  }
}
