package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** An Ingress in front of the gateway Service (WebSocket and HTTP API share the path). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressSpec {
  public static final String HOST_PATTERN = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";

  @Required
  @Pattern(HOST_PATTERN)
  @JsonPropertyDescription("Public host name, e.g. ws.example.com.")
  public String host;

  @JsonPropertyDescription("IngressClass to use; omit for the cluster default.")
  public String className;

  @JsonPropertyDescription("Secret holding the TLS certificate for host; omit for plain HTTP.")
  public String tlsSecretName;

  @JsonPropertyDescription(
      "Annotations of the Ingress, e.g. cert-manager.io/cluster-issuer: letsencrypt; they win"
          + " over the operator's WebSocket timeouts for ingress-nginx.")
  public Map<String, String> annotations;
}
