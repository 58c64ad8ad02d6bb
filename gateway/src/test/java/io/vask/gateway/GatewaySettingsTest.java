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

  @Test
  void theBuilderStartsFromTheDeclaredDefaultsOnFreeLoopbackPorts() {
    GatewaySettings settings = GatewaySettings.builder().build();
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isZero();
    assertThat(settings.metricsPort()).isZero();
    assertThat(settings.drainSeconds()).isEqualTo(10);
    assertThat(settings.logFormat()).isEqualTo("text");
    assertThat(settings.logLevel()).isEqualTo("info");
    assertThat(settings.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(settings.maxPendingBytes()).isEqualTo(1 << 20);
    assertThat(settings.slowConsumerGraceMillis()).isEqualTo(10_000);
    assertThat(settings.pongTimeoutSeconds()).isEqualTo(30);
    assertThat(settings.maxBodyBytes()).isEqualTo(1 << 20);
    assertThat(settings.appsReloadMillis()).isEqualTo(1000);
    assertThat(settings.authorizationTimeoutMillis()).isEqualTo(30_000);
    assertThat(settings.appsFile()).isNull();
    assertThat(settings.clustered()).isFalse();

    GatewaySettings changed =
        settings.toBuilder().set(GatewaySettings.MAX_PENDING_BYTES, 65_536).build();
    assertThat(changed.maxPendingBytes()).isEqualTo(65_536);
    assertThat(changed.host()).isEqualTo("127.0.0.1");
    assertThat(changed).isNotEqualTo(settings);
    assertThat(changed.toBuilder().set(GatewaySettings.MAX_PENDING_BYTES, 1 << 20).build())
        .isEqualTo(settings);
  }

  @Test
  void logLevelIsAKnownSettingAndNatsUrlsTakeEveryJnatsScheme() {
    GatewaySettings settings =
        GatewaySettings.fromEnvironment(
            Map.of(
                "VASK_APP_ID",
                "1",
                "VASK_APP_KEY",
                "k",
                "VASK_APP_SECRET",
                "s",
                "VASK_LOG_LEVEL",
                "DEBUG",
                "VASK_NATS_URL",
                "wss://a:443, nats://b:4222"));
    assertThat(settings.logLevel()).isEqualTo("debug");
    assertThat(settings.clustered()).isTrue();
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(
                    Map.of(
                        "VASK_APP_ID",
                        "not an id",
                        "VASK_APP_KEY",
                        "k",
                        "VASK_APP_SECRET",
                        "s",
                        "VASK_LOG_LEVEL",
                        "loud")))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "VASK_LOG_LEVEL=loud is invalid (expected one of [trace, debug, info, warn,"
                            + " error])",
                        "VASK_APP_ID=not an id is invalid (expected 1..64 chars of"
                            + " [A-Za-z0-9_-])"));
  }
}
