package io.vask.operator.main;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vask.contract.settings.InvalidSettings;
import io.vask.operator.dashboard.DashboardServer;
import io.vask.operator.dashboard.Dashboards;
import io.vask.operator.web.RegistrationServer;
import io.vask.operator.web.Registrations;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code vask-operator.jar}: settings, client, operator, probes. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.from(System.getenv());
    } catch (InvalidSettings e) {
      System.err.println("vask-operator: invalid environment:");
      e.problems().forEach(problem -> System.err.println("  - " + problem));
      System.exit(2);
      return;
    }
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var client = new KubernetesClientBuilder().build();
    var leaseLoss = new LeaseLossExit();
    Operator operator;
    Optional<LeaderLease> lease;
    try {
      lease =
          settings.leaderElection()
              ? Optional.of(LeaderLease.of(settings, client))
              : Optional.empty();
      operator = VaskOperator.create(client, settings, registry, lease, leaseLoss);
    } catch (RuntimeException e) {
      LOG.error("vask-operator could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    var probes = ProbeServer.start(settings.port(), operator.getRuntimeInfo(), registry);
    var registration = Registrations.startIfEnabled(settings.registration(), client);
    var dashboard = Dashboards.startIfEnabled(settings.dashboard(), client, settings.namespaces());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> stop(leaseLoss, operator, lease, registration, dashboard, probes, client),
                "vask-operator-shutdown"));
    LOG.info(
        "vask-operator starting: namespaces={}, leaderElection={}, serverSideApply={}, port={}",
        settings.namespaces().isEmpty() ? "all" : settings.namespaces(),
        settings.leaderElection(),
        settings.serverSideApply(),
        probes.port());
    try {
      operator.start();
    } catch (RuntimeException e) {
      // Typically missing RBAC or CRD: exit so the pod restarts and the reason is in its log.
      LOG.error("vask-operator could not start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /** On SIGTERM: stop reconciling, hand the Lease over at once, then close the rest. */
  private static void stop(
      LeaseLossExit leaseLoss,
      Operator operator,
      Optional<LeaderLease> lease,
      Optional<RegistrationServer> registration,
      Optional<DashboardServer> dashboard,
      ProbeServer probes,
      KubernetesClient client) {
    leaseLoss.stopping();
    try {
      operator.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping the operator failed: {}", e.getMessage());
    }
    lease.ifPresent(l -> l.release(client));
    registration.ifPresent(RegistrationServer::close);
    dashboard.ifPresent(DashboardServer::close);
    probes.close();
    client.close();
    LOG.info("vask-operator stopped");
  }
}
