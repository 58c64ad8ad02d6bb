package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.ChannelCacheContract;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.testing.NatsServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The NATS implementation against the ChannelCache contract, on a real nats-server. */
class NatsChannelCacheContractIT extends ChannelCacheContract {
  @RegisterExtension static final NatsServer NATS = new NatsServer();

  @Override
  protected Cluster newNode(long grace) throws Exception {
    return ContractNodes.connect(NATS, grace);
  }
}
