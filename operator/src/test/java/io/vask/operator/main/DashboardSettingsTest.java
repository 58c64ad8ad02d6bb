package io.vask.operator.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vask.contract.settings.InvalidSettings;
import io.vask.operator.dashboard.GatewayUrls;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VASK_DASHBOARD_*: off by default, port and console-link lifetime when on. */
class DashboardSettingsTest {

  @Test
  void dashboardIsOffByDefault() {
    assertThat(OperatorSettings.from(Map.of()).dashboard().enabled()).isFalse();
  }

  @Test
  void readsEveryDashboardSetting() {
    var dashboard =
        OperatorSettings.from(
                Map.of(
                    "VASK_DASHBOARD_ENABLED", "true",
                    "VASK_DASHBOARD_PORT", "9090",
                    "VASK_DASHBOARD_CONSOLE_MINUTES", "5"))
            .dashboard();
    assertThat(dashboard.enabled()).isTrue();
    assertThat(dashboard.port()).isEqualTo(9090);
    assertThat(dashboard.consoleTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theListReachesGatewaysThroughTheirServiceUnlessToldToUseTheStatus() {
    var on = Map.of("VASK_DASHBOARD_ENABLED", "true");
    assertThat(OperatorSettings.from(on).dashboard().gatewayUrls()).isEqualTo(GatewayUrls.SERVICE);
    var status = Map.of("VASK_DASHBOARD_ENABLED", "true", "VASK_DASHBOARD_GATEWAY_URLS", "status");
    assertThat(OperatorSettings.from(status).dashboard().gatewayUrls())
        .isEqualTo(GatewayUrls.STATUS);
    assertThatThrownBy(
            () -> OperatorSettings.from(Map.of("VASK_DASHBOARD_GATEWAY_URLS", "ingress")))
        .isInstanceOf(InvalidSettings.class)
        .hasMessageContaining("VASK_DASHBOARD_GATEWAY_URLS");
  }

  @Test
  void consoleLinksLiveAtMostADayAsTheGatewayRequires() {
    assertThatThrownBy(
            () -> OperatorSettings.from(Map.of("VASK_DASHBOARD_CONSOLE_MINUTES", "1441")))
        .isInstanceOf(InvalidSettings.class)
        .hasMessageContaining("VASK_DASHBOARD_CONSOLE_MINUTES");
  }
}
