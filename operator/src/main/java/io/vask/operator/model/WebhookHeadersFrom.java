package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Secret-valued webhook headers: every key of the named Secret is a header name, its value the
 * header value. The operator reads that one Secret by name and writes the headers only into the
 * apps-file Secret, never into a ConfigMap or the pod template.
 */
public class WebhookHeadersFrom {
  @Required
  @JsonPropertyDescription(
      "Secret in the VaskApp's namespace whose keys are header names (e.g. Authorization).")
  public SecretReference secretRef;

  public WebhookHeadersFrom() {}

  public WebhookHeadersFrom(String secretName) {
    this.secretRef = new SecretReference(secretName);
  }
}
