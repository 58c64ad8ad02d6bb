package io.vask.gateway;

import io.vask.contract.AppSettings;
import io.vask.contract.AppsFileCodec;
import io.vask.contract.settings.InvalidSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.app.FileAppRegistry;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.Cluster;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a gateway from {@code VASK_*} environment variables; see docs/configuration.md. */
public final class Main {
  static final String LOG_LEVEL_PROPERTY = "vask.logLevel";

  private Main() {}

  public static void main(String[] args) throws Exception {
    GatewaySettings settings;
    try {
      settings = GatewaySettings.fromEnvironment(System.getenv());
    } catch (InvalidSettings e) {
      System.err.println("vask: invalid settings:");
      e.problems().forEach(p -> System.err.println("  - " + p));
      System.exit(2);
      return;
    }
    // Read by logback.xml / logback-json.xml, which load with the first logger below.
    System.setProperty(LOG_LEVEL_PROPERTY, settings.logLevel());
    if ("json".equals(settings.logFormat())) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    AppRegistry apps;
    try {
      apps = apps(settings);
    } catch (AppsFileCodec.InvalidAppsFile e) {
      System.err.println("vask: invalid apps file " + settings.appsFile() + ":");
      e.problems().forEach(p -> System.err.println("  - " + p));
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    Gateway gateway;
    try {
      gateway = start(settings, apps, clock);
    } catch (Exception e) { // Netty rethrows a failed bind (an IOException) undeclared
      // Event loops, the apps-file watcher and NATS threads are not daemons: without an explicit
      // exit a gateway that cannot start (VASK_PORT in use, NATS unreachable) would live on.
      log.error("vask gateway failed to start: {}", e.toString(), e);
      System.exit(1);
      return;
    }
    log.debug(
        "listening on {}:{} (metrics {}), {} I/O thread(s), {}",
        settings.host(),
        settings.port(),
        settings.metricsPort(),
        settings.ioThreads(),
        settings.clustered() ? "clustered" : "single node");
    log.info("vask gateway started with {} app(s)", apps.all().size());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down: draining for {} s", settings.drainSeconds());
                  gateway.drainAndClose(settings.drainSeconds(), 5000);
                },
                "vask-shutdown"));
  }

  private static Gateway start(GatewaySettings settings, AppRegistry apps, Clock clock)
      throws Exception {
    Cluster cluster = ClusterFactory.create(settings, clock);
    try {
      return Gateway.start(settings, apps, cluster, clock);
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  private static AppRegistry apps(GatewaySettings settings) {
    if (settings.appsFile() != null) {
      return new FileAppRegistry(settings.appsFile(), settings.appsReloadMillis());
    }
    return new StaticAppRegistry(
        List.of(AppSettings.of(settings.appId(), settings.appKey(), settings.appSecret())));
  }
}
