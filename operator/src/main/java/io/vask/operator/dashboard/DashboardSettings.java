package io.vask.operator.dashboard;

import java.time.Duration;

/**
 * The dashboard's settings ({@code VASK_DASHBOARD_*}, docs/configuration.md).
 *
 * @param consoleTokenLifetime how long a console link the dashboard signs stays valid
 * @param gatewayUrls how the list reaches each app's gateway for its live figures
 */
public record DashboardSettings(
    boolean enabled, int port, Duration consoleTokenLifetime, GatewayUrls gatewayUrls) {
  public static final int DEFAULT_PORT = 8082;
  public static final int DEFAULT_CONSOLE_MINUTES = 60;

  public static DashboardSettings disabled() {
    return new DashboardSettings(
        false, DEFAULT_PORT, Duration.ofMinutes(DEFAULT_CONSOLE_MINUTES), GatewayUrls.SERVICE);
  }
}
