package io.vask.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vask.contract.settings.InvalidSettings;
import io.vask.gateway.cluster.ClusterBounds;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterBoundsSettingsTest {
  private static Map<String, String> app(String... more) {
    Map<String, String> env = new HashMap<>();
    env.putAll(Map.of("VASK_APP_ID", "1", "VASK_APP_KEY", "k", "VASK_APP_SECRET", "s"));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @Test
  void defaultsAreTheBoundsOfEarlierReleases() {
    ClusterBounds bounds = GatewaySettings.fromEnvironment(app()).clusterBounds();
    assertThat(bounds).isEqualTo(ClusterBounds.DEFAULT);
    assertThat(bounds.publishBufferBytes()).isEqualTo(8L << 20);
    assertThat(bounds.membershipQueuePerLane()).isEqualTo(10_000);
    assertThat(bounds.cacheQueue()).isEqualTo(10_000);
    assertThat(bounds.webhookBufferBytes()).isEqualTo(16L << 20);
    assertThat(bounds.streamMaxBytes()).isEqualTo(256L << 20);
    assertThat(bounds.streamMaxAge()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void everyBoundIsASetting() {
    ClusterBounds bounds =
        GatewaySettings.fromEnvironment(
                app(
                    "VASK_CLUSTER_PUBLISH_BUFFER_BYTES", "65536",
                    "VASK_CLUSTER_MEMBERSHIP_QUEUE", "100",
                    "VASK_CLUSTER_CACHE_QUEUE", "200",
                    "VASK_CLUSTER_WEBHOOK_BUFFER_BYTES", "8192",
                    "VASK_WEBHOOK_STREAM_MAX_BYTES", "65536",
                    "VASK_WEBHOOK_STREAM_MAX_AGE_SECONDS", "360"))
            .clusterBounds();
    assertThat(bounds)
        .isEqualTo(new ClusterBounds(65_536, 100, 200, 8192, 65_536, Duration.ofSeconds(360)));
  }

  @Test
  void theStreamKeepsEventsThroughTheRetrySpanAndHoldsWhatAnOutageBuffered() {
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(
                    app(
                        "VASK_WEBHOOK_STREAM_MAX_AGE_SECONDS", "359",
                        "VASK_CLUSTER_WEBHOOK_BUFFER_BYTES", "100000",
                        "VASK_WEBHOOK_STREAM_MAX_BYTES", "65536")))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(
                        p ->
                            p.startsWith("VASK_WEBHOOK_STREAM_MAX_AGE_SECONDS=359 is below")
                                && p.contains("(360 s)"))
                    .anyMatch(
                        p ->
                            p.startsWith(
                                "VASK_CLUSTER_WEBHOOK_BUFFER_BYTES=100000 exceeds"
                                    + " VASK_WEBHOOK_STREAM_MAX_BYTES=65536")));
    assertThat(
            GatewaySettings.fromEnvironment(app("VASK_WEBHOOK_STREAM_MAX_AGE_SECONDS", "360"))
                .clusterBounds()
                .streamMaxAge())
        .isEqualTo(Duration.ofSeconds(360));
  }

  @Test
  void outOfRangeBoundsAreRefused() {
    assertThatThrownBy(() -> GatewaySettings.fromEnvironment(app("VASK_CLUSTER_CACHE_QUEUE", "0")))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("VASK_CLUSTER_CACHE_QUEUE=0 is invalid")));
  }
}
