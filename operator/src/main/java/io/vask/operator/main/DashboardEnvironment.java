package io.vask.operator.main;

import static io.vask.contract.settings.SettingType.flag;
import static io.vask.contract.settings.SettingType.integer;
import static io.vask.contract.settings.SettingType.oneOf;

import io.vask.contract.settings.Setting;
import io.vask.contract.settings.SettingValues;
import io.vask.operator.dashboard.DashboardSettings;
import io.vask.operator.dashboard.GatewayUrls;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code VASK_DASHBOARD_*}: the web dashboard (docs/console.md#dashboard), off by default. */
final class DashboardEnvironment {
  static final Setting<Boolean> ENABLED =
      Setting.of("VASK_DASHBOARD_ENABLED", flag(), false, "serve the web dashboard");
  static final Setting<Integer> PORT =
      Setting.of(
          "VASK_DASHBOARD_PORT",
          integer(1, 65_535),
          DashboardSettings.DEFAULT_PORT,
          "port of the web dashboard");
  static final Setting<Integer> CONSOLE_MINUTES =
      Setting.of(
          "VASK_DASHBOARD_CONSOLE_MINUTES",
          integer(1, 24 * 60),
          DashboardSettings.DEFAULT_CONSOLE_MINUTES,
          "lifetime of the console links the dashboard signs");

  static final Setting<String> GATEWAY_URLS =
      Setting.of(
          "VASK_DASHBOARD_GATEWAY_URLS",
          oneOf(List.of("service", "status"), true),
          "service",
          "how the app list reaches each gateway for its live connections: `service` (the"
              + " in-cluster Service) or `status` (the status's `endpoints.httpApi`, for an operator"
              + " outside the cluster)");

  static final Setting<?>[] ALL = {ENABLED, PORT, CONSOLE_MINUTES, GATEWAY_URLS};

  private DashboardEnvironment() {}

  static DashboardSettings read(SettingValues values) {
    if (!values.get(ENABLED)) {
      return DashboardSettings.disabled();
    }
    return new DashboardSettings(
        true,
        values.get(PORT),
        Duration.ofMinutes(values.get(CONSOLE_MINUTES)),
        GatewayUrls.valueOf(values.get(GATEWAY_URLS).toUpperCase(Locale.ROOT)));
  }
}
