package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Fixed replicas, or autoscaling between bounds. The rules below are enforced by the API server;
 * the operator checks the same rules itself because not every API server runs CEL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.replicas) || !(has(self.minReplicas) || has(self.maxReplicas)"
            + " || has(self.targetConnectionsPerPod) || has(self.targetCPUUtilization))",
    message = ScalingSpec.EXCLUSIVE_MESSAGE)
@ValidationRule(
    value = "has(self.replicas) || has(self.maxReplicas)",
    message = ScalingSpec.MAX_REQUIRED_MESSAGE)
@ValidationRule(
    value =
        "!has(self.maxReplicas) || has(self.targetConnectionsPerPod) || has(self.targetCPUUtilization)",
    message = ScalingSpec.TARGET_REQUIRED_MESSAGE)
@ValidationRule(
    value =
        "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas",
    message = ScalingSpec.MIN_MAX_MESSAGE)
public class ScalingSpec {
  public static final String EXCLUSIVE_MESSAGE =
      "scaling: set either replicas or autoscaling (minReplicas, maxReplicas, targets), not both";
  public static final String MAX_REQUIRED_MESSAGE =
      "scaling: set replicas, or maxReplicas to autoscale";
  public static final String TARGET_REQUIRED_MESSAGE =
      "scaling: autoscaling needs targetConnectionsPerPod and/or targetCPUUtilization";
  public static final String MIN_MAX_MESSAGE = "scaling: minReplicas must not exceed maxReplicas";

  @Min(0)
  @JsonPropertyDescription("Fixed number of gateway pods.")
  public Integer replicas;

  @Min(1)
  @JsonPropertyDescription("Autoscaling lower bound (default 1).")
  public Integer minReplicas;

  @Min(1)
  @JsonPropertyDescription("Autoscaling upper bound; setting it turns autoscaling on.")
  public Integer maxReplicas;

  @Min(1)
  @JsonPropertyDescription(
      "Target open connections per pod (Pods metric vask_connections; needs a custom-metrics"
          + " adapter such as prometheus-adapter).")
  public Integer targetConnectionsPerPod;

  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Target average CPU utilization in percent of the CPU request.")
  public Integer targetCPUUtilization;

  public static ScalingSpec fixed(int replicas) {
    var scaling = new ScalingSpec();
    scaling.replicas = replicas;
    return scaling;
  }

  public boolean autoscales() {
    return replicas == null
        && (minReplicas != null
            || maxReplicas != null
            || targetConnectionsPerPod != null
            || targetCPUUtilization != null);
  }
}
