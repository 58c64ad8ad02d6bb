package io.vask.operator.dashboard;

import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlanner;
import java.util.Optional;

/**
 * Where the dashboard reaches an app's gateway for its live figures ({@code
 * VASK_DASHBOARD_GATEWAY_URLS}).
 */
public enum GatewayUrls {
  /** The gateway Service's in-cluster address: the operator runs in the cluster. */
  SERVICE,
  /**
   * The status's {@code endpoints.httpApi} (the Ingress when the app has one): for an operator run
   * outside the cluster, and for tests.
   */
  STATUS;

  /** The gateway's base URL; empty while the app has no endpoints (not reconciled yet). */
  public Optional<String> of(VaskApp app) {
    var httpApi =
        Optional.ofNullable(app.getStatus())
            .map(status -> status.endpoints)
            .map(endpoints -> endpoints.httpApi);
    return this == SERVICE ? httpApi.map(url -> GatewayPlanner.serviceUrl(app)) : httpApi;
  }
}
