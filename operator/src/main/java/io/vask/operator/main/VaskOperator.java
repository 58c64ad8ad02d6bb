package io.vask.operator.main;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.vask.operator.reconcile.VaskAppReconciler;
import java.time.Duration;
import java.util.Optional;

/** Assembles the JOSDK operator from the settings; {@link Main} and the tests both use it. */
public final class VaskOperator {
  public static final String LEASE_NAME = LeaderLease.NAME;

  /**
   * How long stopping waits for running reconciles: well inside the 5 s a stopped operator has to
   * exit, since a reconcile cut short is simply redone by the next leader.
   */
  static final Duration RECONCILE_TERMINATION = Duration.ofSeconds(2);

  private VaskOperator() {}

  /**
   * @param exitOnStopLeading true in production: a pod that lost the lease must restart rather than
   *     keep reconciling; tests pass false because the process would exit
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      MeterRegistry registry,
      boolean exitOnStopLeading) {
    Optional<LeaderLease> lease =
        settings.leaderElection()
            ? Optional.of(LeaderLease.of(settings, client))
            : Optional.empty();
    Runnable onLoss = exitOnStopLeading ? new LeaseLossExit() : () -> {};
    return create(client, settings, registry, lease, onLoss);
  }

  /**
   * @param lease present when leader election is on
   * @param onLoss runs when this process stops leading, also while it is being stopped
   */
  public static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      MeterRegistry registry,
      Optional<LeaderLease> lease,
      Runnable onLoss) {
    var operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withReconciliationTerminationTimeout(RECONCILE_TERMINATION)
                  .withSSABasedCreateUpdateMatchForDependentResources(settings.serverSideApply())
                  .withUseSSAToPatchPrimaryResource(settings.serverSideApply())
                  // One series per controller, not per VaskApp.
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
              lease.ifPresent(l -> o.withLeaderElectionConfiguration(l.configuration(onLoss)));
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
