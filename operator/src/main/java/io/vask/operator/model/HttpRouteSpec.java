package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A Gateway API HTTPRoute {@code <name>-gateway} to the gateway Service. Rendered only when the
 * cluster serves gateway.networking.k8s.io/v1 HTTPRoute; otherwise the Ready condition says so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HttpRouteSpec {
  @Required
  @Size(min = 1)
  @JsonPropertyDescription("The Gateways (and listeners) the route attaches to.")
  public List<ParentReference> parentRefs = new ArrayList<>();

  @JsonPropertyDescription("Host names the route matches; omit to match the Gateway's.")
  public List<String> hostnames;

  @JsonPropertyDescription("Annotations of the HTTPRoute.")
  public java.util.Map<String, String> annotations;

  /** A Gateway the route attaches to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ParentReference {
    @Required
    @JsonPropertyDescription("Name of the Gateway.")
    public String name;

    @JsonPropertyDescription("Namespace of the Gateway; omit for the VaskApp's namespace.")
    public String namespace;

    @JsonPropertyDescription("Listener of the Gateway to attach to; omit for all.")
    public String sectionName;

    public ParentReference() {}

    public ParentReference(String name) {
      this.name = name;
    }
  }
}
