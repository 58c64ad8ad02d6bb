package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.vask.operator.model.MonitoringSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator PodMonitor {@code <name>-gateway} of {@code spec.monitoring}: {@code
 * /metrics} on the metrics port of the app's gateway pods. A generic resource, as the Prometheus
 * Operator is an add-on.
 */
public final class GatewayPodMonitor {
  public static final String API_VERSION = "monitoring.coreos.com/v1";
  public static final String KIND = "PodMonitor";

  private GatewayPodMonitor() {}

  public static GenericKubernetesResource of(VaskApp app) {
    MonitoringSpec monitoring = app.getSpec().monitoring;
    var metadata = ChildMetadata.of(app, Names.gateway(app), Labels.GATEWAY_COMPONENT);
    if (monitoring.labels != null) {
      // the operator's own labels win: they say whose child this is
      var labels = new LinkedHashMap<>(monitoring.labels);
      labels.putAll(metadata.getLabels());
      metadata.setLabels(labels);
    }
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("port", GatewayPodTemplate.METRICS_PORT_NAME);
    endpoint.put("path", "/metrics");
    if (monitoring.interval != null) {
      endpoint.put("interval", monitoring.interval);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", Map.of("matchLabels", Labels.selector(app)));
    spec.put("podMetricsEndpoints", List.of(endpoint));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(metadata)
        .withAdditionalProperties(Map.of("spec", spec))
        .build();
  }
}
