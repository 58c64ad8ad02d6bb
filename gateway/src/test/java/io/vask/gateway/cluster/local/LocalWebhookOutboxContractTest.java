package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.WebhookOutboxContract;
import java.time.Clock;

/** The single-node implementation against the WebhookOutbox contract. */
class LocalWebhookOutboxContractTest extends WebhookOutboxContract {
  @Override
  protected Cluster newNode(long grace) {
    return LocalCluster.create(Clock.systemUTC(), grace);
  }
}
