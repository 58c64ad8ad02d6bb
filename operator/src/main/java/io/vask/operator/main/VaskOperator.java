package io.vask.operator.main;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.vask.operator.reconcile.VaskAppReconciler;

/** Assembles the JOSDK operator from the settings; {@link Main} and the tests both use it. */
public final class VaskOperator {
  public static final String LEASE_NAME = "vask-operator-leader";

  private VaskOperator() {}

  /**
   * @param exitOnStopLeading true in production: a pod that lost the lease must restart rather than
   *     keep reconciling; tests pass false because JOSDK would call System.exit
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      MeterRegistry registry,
      boolean exitOnStopLeading) {
    var operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(settings.serverSideApply())
                  .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
                  // One series per controller, not per VaskApp.
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
              if (settings.leaderElection()) {
                var leaderElection =
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
                        .withExitOnStopLeading(exitOnStopLeading);
                settings.podNamespace().ifPresent(leaderElection::withLeaseNamespace);
                settings.podName().ifPresent(leaderElection::withIdentity);
                o.withLeaderElectionConfiguration(leaderElection.build());
              }
            });
    operator.register(
        new VaskAppReconciler(settings.defaults()),
        configuration -> {
          if (!settings.namespaces().isEmpty()) {
            configuration.settingNamespaces(settings.namespaces());
          }
        });
    return operator;
  }
}
