package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The gateway container. Changing anything here restarts the pods (a rolling update). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewaySpec {
  public static final int DEFAULT_DRAIN_SECONDS = 10;

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
}
