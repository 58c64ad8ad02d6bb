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
    return GatewaySettings.builder()
        .set(GatewaySettings.DRAIN_SECONDS, 1)
        .set(GatewaySettings.IO_THREADS, 2)
        .set(GatewaySettings.PONG_TIMEOUT_SECONDS, pongTimeoutSeconds)
        .set(GatewaySettings.AUTHORIZATION_TIMEOUT_MS, Math.toIntExact(authorizationTimeoutMillis))
        .build();
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
    return AppSettings.builder(id, "key-" + id, "secret-" + id)
        .enabled(enabled)
        .clientEvents(true)
        .userAuthentication(userAuthentication)
        .subscriptionCount(true)
        .watchlistEvents(true)
        .maxConnections(maxConnections)
        .activityTimeoutSeconds(activityTimeoutSeconds)
        .build();
  }
}
