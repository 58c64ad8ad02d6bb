package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the app's Pusher id, key and secret come from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CredentialsSpec {
  @JsonPropertyDescription(
      "A Secret in the same namespace with keys app_id, key and secret. The operator only reads"
          + " it, and re-renders the apps file when it changes.")
  public SecretReference secretRef;
}
