package io.vask.gateway;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.local.LocalCluster;
import io.vask.gateway.cluster.nats.NatsAccess;
import io.vask.gateway.cluster.nats.NatsCluster;
import io.vask.gateway.cluster.nats.NatsTimings;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;

/** Picks the cluster implementation: in memory, or NATS when {@code VASK_NATS_URL} is set. */
final class ClusterFactory {
  private ClusterFactory() {}

  static Cluster create(GatewaySettings settings, Clock clock)
      throws IOException, InterruptedException {
    if (!settings.clustered()) {
      return LocalCluster.create(clock);
    }
    return NatsCluster.connect(
        settings.natsUrl(),
        natsAccess(settings),
        nodeName(settings),
        clock,
        NatsTimings.DEFAULT,
        settings.clusterBounds());
  }

  /** The VASK_NATS_* credentials and TLS files (paths only: secrets stay in their files). */
  static NatsAccess natsAccess(GatewaySettings settings) {
    return new NatsAccess(
        settings.get(GatewaySettings.NATS_USER),
        settings.get(GatewaySettings.NATS_PASSWORD_FILE),
        settings.get(GatewaySettings.NATS_TOKEN_FILE),
        settings.get(GatewaySettings.NATS_NKEY_FILE),
        settings.get(GatewaySettings.NATS_CREDS_FILE),
        settings.get(GatewaySettings.NATS_TLS_CA),
        settings.get(GatewaySettings.NATS_TLS_CERT),
        settings.get(GatewaySettings.NATS_TLS_KEY));
  }

  /** {@code VASK_NODE_ID} (the operator sets the pod name), else the host name. */
  static String nodeName(GatewaySettings settings) {
    if (settings.nodeId() != null && !settings.nodeId().isBlank()) {
      return settings.nodeId();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "vask";
    }
  }
}
