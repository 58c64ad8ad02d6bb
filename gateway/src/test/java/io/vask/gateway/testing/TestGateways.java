package io.vask.gateway.testing;

import io.vask.contract.AppSettings;
import io.vask.gateway.Gateway;
import io.vask.gateway.GatewaySettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.local.LocalCluster;
import java.time.Clock;
import java.util.List;

/** In-process single-node gateways on free ports for tests. */
public final class TestGateways {
  private TestGateways() {}

  public static GatewaySettings settings(int pongTimeoutSeconds, long authorizationTimeoutMillis) {
    GatewaySettings d = GatewaySettings.defaults(0, 0);
    return new GatewaySettings(
        d.host(),
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        1,
        null,
        null,
        "text",
        2,
        d.maxPendingBytes(),
        d.slowConsumerGraceMillis(),
        pongTimeoutSeconds,
        d.maxBodyBytes(),
        d.appsReloadMillis(),
        authorizationTimeoutMillis);
  }

  public static Gateway start(GatewaySettings settings, AppSettings... apps) {
    try {
      return Gateway.start(
          settings,
          new StaticAppRegistry(List.of(apps)),
          LocalCluster.create(Clock.systemUTC()),
          Clock.systemUTC());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An app with every default but the given overrides of limits and features. */
  public static AppSettings app(
      String id,
      boolean enabled,
      int maxConnections,
      int activityTimeoutSeconds,
      boolean userAuthentication) {
    return new AppSettings(
        id,
        "key-" + id,
        "secret-" + id,
        enabled,
        true,
        userAuthentication,
        true,
        true,
        maxConnections,
        null,
        null,
        null,
        null,
        null,
        null,
        activityTimeoutSeconds,
        null,
        null);
  }
}
