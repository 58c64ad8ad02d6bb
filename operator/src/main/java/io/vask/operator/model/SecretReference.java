package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A Secret in the VaskApp's namespace. */
public class SecretReference {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of the Secret.")
  public String name;

  public SecretReference() {}

  public SecretReference(String name) {
    this.name = name;
  }
}
