package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** The gateway Service {@code <name>-gateway}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceSpec {
  /** Service types that make sense for the gateway (ExternalName has no pods behind it). */
  public enum Type {
    ClusterIP,
    NodePort,
    LoadBalancer
  }

  @JsonPropertyDescription("Service type: ClusterIP (default), NodePort or LoadBalancer.")
  public Type type;

  @JsonPropertyDescription("Annotations of the Service, e.g. a cloud load balancer's settings.")
  public Map<String, String> annotations;
}
