package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;

/** The gateway pods. Changing anything here restarts the pods (a rolling update). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewaySpec {
  public static final int DEFAULT_DRAIN_SECONDS = 10;

  /** Set by the operator from the spec; a user value would silently lose or break the pod. */
  public static final List<String> RESERVED_ENV =
      List.of(
          "VASK_PORT", "VASK_METRICS_PORT", "VASK_APPS_FILE", "VASK_NODE_ID", "VASK_DRAIN_SECONDS");

  /** Every VASK_NATS_ variable comes from spec.nats. */
  public static final String RESERVED_ENV_PREFIX = "VASK_NATS_";

  public static final String RESERVED_ENV_MESSAGE =
      "gateway.env: VASK_PORT, VASK_METRICS_PORT, VASK_APPS_FILE, VASK_NODE_ID, VASK_DRAIN_SECONDS"
          + " and VASK_NATS_* are set by the operator (use spec.nats and gateway.drainSeconds)";

  public static boolean isReservedEnv(String name) {
    return name != null && (RESERVED_ENV.contains(name) || name.startsWith(RESERVED_ENV_PREFIX));
  }

  @JsonPropertyDescription("Gateway image; omit to use the operator's default.")
  public String image;

  @JsonPropertyDescription("CPU and memory requests and limits of the gateway container.")
  public ResourceRequirements resources;

  @Min(1)
  @Max(600)
  @JsonPropertyDescription(
      "Seconds over which a stopping pod closes its sockets so clients reconnect gradually"
          + " (default 10).")
  public Integer drainSeconds;

  @ValidationRule(
      value =
          "self.all(e, !(e.name in ['VASK_PORT', 'VASK_METRICS_PORT', 'VASK_APPS_FILE',"
              + " 'VASK_NODE_ID', 'VASK_DRAIN_SECONDS'] || e.name.startsWith('VASK_NATS_')))",
      message = RESERVED_ENV_MESSAGE)
  @JsonPropertyDescription(
      "Extra environment of the gateway container, e.g. VASK_LOG_LEVEL or JAVA_TOOL_OPTIONS"
          + " (docs/configuration.md lists the VASK_ settings).")
  public List<EnvVar> env;

  @JsonPropertyDescription("Secrets to pull the gateway image with.")
  public List<LocalObjectReference> imagePullSecrets;

  @JsonPropertyDescription("Only nodes with these labels run gateway pods.")
  public Map<String, String> nodeSelector;

  @JsonPropertyDescription("Taints the gateway pods tolerate.")
  public List<Toleration> tolerations;

  @JsonPropertyDescription("Node and pod (anti-)affinity of the gateway pods.")
  public Affinity affinity;

  @JsonPropertyDescription(
      "How gateway pods spread; omit for the default (max skew 1 over zones and nodes,"
          + " ScheduleAnyway), or give [] for none.")
  public List<TopologySpreadConstraint> topologySpreadConstraints;

  @JsonPropertyDescription("Extra annotations of the gateway pods.")
  public Map<String, String> podAnnotations;
}
