package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.vask.operator.model.HttpRouteSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlanner;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gateway API HTTPRoute {@code <name>-gateway} of {@code spec.httpRoute}, as a generic
 * resource: the Gateway API is an add-on, so its model classes are not needed to render one route.
 */
public final class GatewayHttpRoute {
  public static final String API_VERSION = "gateway.networking.k8s.io/v1";
  public static final String KIND = "HTTPRoute";

  private GatewayHttpRoute() {}

  public static GenericKubernetesResource of(VaskApp app) {
    HttpRouteSpec route = app.getSpec().httpRoute;
    var metadata = ChildMetadata.of(app, Names.gateway(app), Labels.GATEWAY_COMPONENT);
    if (route.annotations != null && !route.annotations.isEmpty()) {
      metadata.setAnnotations(new LinkedHashMap<>(route.annotations));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("parentRefs", route.parentRefs.stream().map(GatewayHttpRoute::parent).toList());
    if (route.hostnames != null && !route.hostnames.isEmpty()) {
      spec.put("hostnames", List.copyOf(route.hostnames));
    }
    spec.put("rules", List.of(rule(app)));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(metadata)
        .withAdditionalProperties(Map.of("spec", spec))
        .build();
  }

  /** Every path to the Service's http port (WebSocket and HTTP API share it). */
  private static Map<String, Object> rule(VaskApp app) {
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("name", Names.gateway(app));
    backend.put("port", GatewayPlanner.HTTP_PORT);
    Map<String, Object> match = Map.of("path", Map.of("type", "PathPrefix", "value", "/"));
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("matches", List.of(match));
    rule.put("backendRefs", List.of(backend));
    return rule;
  }

  private static Map<String, Object> parent(HttpRouteSpec.ParentReference ref) {
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("name", ref.name);
    if (ref.namespace != null) {
      parent.put("namespace", ref.namespace);
    }
    if (ref.sectionName != null) {
      parent.put("sectionName", ref.sectionName);
    }
    return parent;
  }
}
