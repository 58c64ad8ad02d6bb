package io.vask.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The chart's monitoring objects: the Grafana dashboard ConfigMap and the Prometheus monitors. */
class ChartMonitoringTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dashboardConfigMapCarriesTheDashboardForGrafanasSidecar() throws Exception {
    var objects = ChartTest.render(t -> t.set("dashboards.enabled", true));
    var map = (ConfigMap) objects.get("ConfigMap/vask-vask-operator-dashboards");
    assertThat(map.getMetadata().getNamespace()).isEqualTo("vask-system");
    assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    var shipped =
        JSON.readTree(
            Files.readString(ChartTest.CHART.resolve("dashboards").resolve("vask-gateway.json")));
    assertThat(JSON.readTree(map.getData().get("vask-gateway.json"))).isEqualTo(shipped);
    assertThat(shipped.path("panels").size()).isGreaterThan(10);
  }

  @Test
  void noDashboardUnlessAskedFor() {
    assertThat(ChartTest.render(t -> t).keySet()).noneMatch(key -> key.startsWith("ConfigMap/"));
  }

  @Test
  void monitorsNeedThePrometheusOperatorsApi() {
    // helm template knows no cluster, so no monitoring.coreos.com/v1: nothing may render, else an
    // install without the Prometheus Operator fails on an unknown kind
    var objects =
        ChartTest.render(
            t ->
                t.set("metrics.serviceMonitor.enabled", true)
                    .set("metrics.gatewayPodMonitor.enabled", true));
    assertThat(objects.keySet())
        .noneMatch(key -> key.startsWith("ServiceMonitor/") || key.startsWith("PodMonitor/"));
  }
}
