package io.vask.operator.main;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader-election Lease of the operator, with an identity known up front so that the holder can
 * release it on shutdown: JOSDK starts fabric8's elector without release-on-cancel, so a stopped
 * leader would otherwise block its successor for the whole lease duration.
 */
public final class LeaderLease {
  public static final String NAME = "vask-operator-leader";
  private static final Logger LOG = LoggerFactory.getLogger(LeaderLease.class);

  private final String namespace;
  private final String identity;

  LeaderLease(String namespace, String identity) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  /** Namespace and identity from the downward API, else the client's namespace and a random id. */
  public static LeaderLease of(OperatorSettings settings, KubernetesClient client) {
    String namespace =
        settings.podNamespace().orElseGet(() -> client.getConfiguration().getNamespace());
    if (namespace == null) {
      throw new IllegalStateException(
          "leader election needs a namespace for its Lease: set POD_NAMESPACE");
    }
    return new LeaderLease(
        namespace, settings.podName().orElseGet(() -> "vask-operator-" + UUID.randomUUID()));
  }

  public String identity() {
    return identity;
  }

  /**
   * JOSDK's own exit-on-stop-leading stays off: it calls System.exit, which never returns when the
   * loss comes from stopping the operator inside the JVM's shutdown hook. {@code onLoss} decides.
   */
  LeaderElectionConfiguration configuration(Runnable onLoss) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(NAME)
        .withLeaseNamespace(namespace)
        .withIdentity(identity)
        .withExitOnStopLeading(false)
        .withLeaderCallbacks(new LeaderCallbacks(() -> {}, onLoss, leader -> {}))
        .build();
  }

  /**
   * Clears the holder if it is still this process, as client-go's release-on-cancel does (an empty
   * holder, a 1 s duration): a stopped leader never reconciles again, so another replica may take
   * over at once. Empty rather than absent, since an update without the field may keep it.
   *
   * @return whether this process held the Lease and released it
   */
  public boolean release(KubernetesClient client) {
    var lock = new LeaseLock(namespace, NAME, identity);
    try {
      LeaderElectionRecord current = lock.get(client);
      if (current == null || !identity.equals(current.getHolderIdentity())) {
        return false;
      }
      ZonedDateTime now = ZonedDateTime.now();
      lock.update(
          client,
          new LeaderElectionRecord(
              "", Duration.ofSeconds(1), now, now, current.getLeaderTransitions()));
      LOG.info("released Lease {}/{} held by {}", namespace, NAME, identity);
      return true;
    } catch (KubernetesClientException e) {
      // Best effort: the Lease then expires on its own.
      LOG.warn("could not release Lease {}/{}: {}", namespace, NAME, e.getMessage());
      return false;
    }
  }
}
