package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.AddOnCrds;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.model.MonitoringSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code spec.monitoring.podMonitor} renders a Prometheus Operator PodMonitor for the app's gateway
 * pods, owned by the VaskApp and deleted when turned off; without the Prometheus Operator's CRDs it
 * is skipped and a condition says why.
 */
class PodMonitorIT {
  @RegisterExtension final OperatorFixture cluster = OperatorFixture.withDefaults();
  KubernetesClient client;

  @BeforeEach
  void client() {
    client = cluster.client();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPodMonitorScrapesTheGatewayPodsUntilTurnedOff() {
    AddOnCrds.prometheusOperator(client);
    var app = VaskApps.named("watched", "test");
    app.getSpec().monitoring = monitoring(true);
    client.resource(app).create();
    var watched = new Children(client, "watched");
    eventually().untilAsserted(() -> assertThat(podMonitor("watched")).isNotNull());
    eventually().untilAsserted(() -> assertThat(watched.deployment()).isNotNull());

    GenericKubernetesResource monitor = podMonitor("watched");
    assertThat(monitor.getMetadata().getLabels())
        .containsEntry("release", "prometheus")
        .containsEntry("app.kubernetes.io/managed-by", "vask-operator");
    assertThat(monitor.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("VaskApp");
              assertThat(owner.getUid()).isEqualTo(watched.vaskApp().getMetadata().getUid());
            });
    var spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    var pods = watched.deployment().getSpec().getTemplate();
    var matchLabels =
        (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
    assertThat(pods.getMetadata().getLabels()).containsAllEntriesOf(matchLabels);
    assertThat(watched.deployment().getSpec().getSelector().getMatchLabels())
        .isEqualTo(matchLabels);
    var endpoint = ((List<Map<String, Object>>) spec.get("podMetricsEndpoints")).get(0);
    assertThat(endpoint)
        .containsEntry("port", "metrics")
        .containsEntry("path", "/metrics")
        .containsEntry("interval", "15s");
    assertThat(pods.getSpec().getContainers().get(0).getPorts())
        .anySatisfy(
            port -> {
              assertThat(port.getName()).isEqualTo("metrics");
              assertThat(port.getContainerPort()).isEqualTo(9601);
            });
    eventually()
        .untilAsserted(
            () ->
                assertThat(watched.status().condition("Monitored"))
                    .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));

    VaskApps.update(client, "watched", a -> a.getSpec().monitoring.podMonitor = false);
    eventually().untilAsserted(() -> assertThat(podMonitor("watched")).as("turned off").isNull());
    eventually().untilAsserted(() -> assertThat(watched.status().condition("Monitored")).isEmpty());
  }

  @Test
  void withoutThePrometheusOperatorThePodMonitorIsSkippedWithACondition() {
    var app = VaskApps.named("unwatched", "test");
    app.getSpec().monitoring = monitoring(true);
    client.resource(app).create();
    var unwatched = new Children(client, "unwatched");
    eventually()
        .untilAsserted(
            () ->
                assertThat(unwatched.status().condition("Monitored"))
                    .hasValueSatisfying(
                        c -> {
                          assertThat(c.getStatus()).isEqualTo("False");
                          assertThat(c.getReason()).isEqualTo("PrometheusOperatorMissing");
                          assertThat(c.getMessage()).contains("install the Prometheus Operator");
                        }));
    assertThat(unwatched.deployment()).as("the rest of the app is reconciled").isNotNull();
  }

  private static MonitoringSpec monitoring(boolean on) {
    var monitoring = new MonitoringSpec();
    monitoring.podMonitor = on;
    monitoring.labels = Map.of("release", "prometheus");
    monitoring.interval = "15s";
    return monitoring;
  }

  private GenericKubernetesResource podMonitor(String app) {
    return client
        .genericKubernetesResources("monitoring.coreos.com/v1", "PodMonitor")
        .withName(app + "-gateway")
        .get();
  }
}
