package io.vask.operator.plan;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.vask.operator.model.GatewaySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user adds to the gateway pods: scheduling, environment, pull secrets and annotations.
 *
 * @param topologySpread the user's constraints; empty for the operator's default spread
 */
public record PodOptions(
    List<EnvVar> env,
    List<LocalObjectReference> imagePullSecrets,
    Map<String, String> nodeSelector,
    List<Toleration> tolerations,
    Affinity affinity,
    Optional<List<TopologySpreadConstraint>> topologySpread,
    Map<String, String> podAnnotations) {

  public static PodOptions of(GatewaySpec gateway) {
    return new PodOptions(
        orEmpty(gateway.env),
        orEmpty(gateway.imagePullSecrets),
        gateway.nodeSelector == null ? Map.of() : gateway.nodeSelector,
        orEmpty(gateway.tolerations),
        gateway.affinity,
        Optional.ofNullable(gateway.topologySpreadConstraints),
        gateway.podAnnotations == null ? Map.of() : gateway.podAnnotations);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
