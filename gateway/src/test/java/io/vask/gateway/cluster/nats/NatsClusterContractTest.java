package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ClusterContract;
import io.vask.gateway.testing.NatsServer;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The NATS implementation against the cluster contract, on a real nats-server. */
class NatsClusterContractTest extends ClusterContract {
  @RegisterExtension static final NatsServer NATS = new NatsServer();

  @Override
  protected Cluster newNode(long grace) throws Exception {
    return NatsCluster.connect(
        NATS.url(), "contract", Clock.systemUTC(), new NatsTimings(grace, 3000, 500));
  }
}
