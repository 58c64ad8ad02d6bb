package io.vask.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vask.contract.settings.InvalidSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

  @Test
  void defaultsWithAnInlineApp() {
    GatewaySettings settings =
        GatewaySettings.fromEnvironment(
            Map.of(
                "VASK_APP_ID", "1", "VASK_APP_KEY", "k", "VASK_APP_SECRET", "s", "PATH", "/bin"));
    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(6001);
    assertThat(settings.metricsPort()).isEqualTo(9601);
    assertThat(settings.drainSeconds()).isEqualTo(10);
    assertThat(settings.clustered()).isFalse();
  }

  @Test
  void everyProblemIsListedAtOnce() {
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(
                    Map.of(
                        "VASK_PORT", "seventy",
                        "VASK_METRICS_PORT", "70000",
                        "VASK_APP_ID", "1",
                        "VASK_NATS_URL", "http://x",
                        "VASK_LOG_FORMAT", "xml",
                        "VASK_TYPO", "1")))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("VASK_PORT=seventy is invalid"))
                    .anyMatch(p -> p.startsWith("VASK_METRICS_PORT=70000 is invalid"))
                    .anyMatch(p -> p.contains("must be set together"))
                    .anyMatch(p -> p.startsWith("VASK_NATS_URL has \"http://x\""))
                    .anyMatch(p -> p.startsWith("VASK_LOG_FORMAT=xml"))
                    .anyMatch(p -> p.startsWith("VASK_TYPO is not a known setting")));
  }

  @Test
  void missingAppsFileIsReported() {
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(Map.of("VASK_APPS_FILE", "/nonexistent/apps.json")))
        .hasMessageContaining("VASK_APPS_FILE=/nonexistent/apps.json is not a readable file");
    assertThatThrownBy(() -> GatewaySettings.fromEnvironment(Map.of()))
        .hasMessageContaining("no app configured");
  }
}
