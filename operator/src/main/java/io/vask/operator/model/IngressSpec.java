package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An Ingress in front of the gateway Service (WebSocket and HTTP API share the path). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressSpec {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Public host name, e.g. ws.example.com.")
  public String host;

  @JsonPropertyDescription("IngressClass to use; omit for the cluster default.")
  public String className;

  @JsonPropertyDescription("Secret holding the TLS certificate for host; omit for plain HTTP.")
  public String tlsSecretName;
}
