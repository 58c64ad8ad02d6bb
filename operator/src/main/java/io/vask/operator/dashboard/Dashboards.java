package io.vask.operator.dashboard;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Main's one line of wiring: the dashboard when the settings turn it on. */
public final class Dashboards {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboards.class);

  private Dashboards() {}

  /** The dashboard with the production parts: real access reviews, the system clock. */
  public static DashboardApi api(
      DashboardSettings settings, KubernetesClient client, Set<String> watchedNamespaces) {
    var apps = new DashboardApps(client);
    return new DashboardApi(
        new Gate(new KubernetesAccessReview(client)),
        apps,
        new ConsoleLinks(Clock.systemUTC(), settings.consoleTokenLifetime()),
        new GatewayStats(settings.gatewayUrls(), apps::credentials, Clock.systemUTC()),
        watchedNamespaces);
  }

  public static Optional<DashboardServer> startIfEnabled(
      DashboardSettings settings, KubernetesClient client, Set<String> watchedNamespaces) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    try {
      var server =
          DashboardServer.start(
              api(settings, client, watchedNamespaces), "0.0.0.0", settings.port());
      LOG.info("dashboard on port {}", server.port());
      return Optional.of(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the dashboard", e);
    }
  }
}
