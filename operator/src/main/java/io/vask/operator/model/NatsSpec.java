package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.vask.contract.rules.NatsUrl;

/** The NATS server the gateway pods of this app use to form one logical server. */
public class NatsSpec {
  public static final String URL_PATTERN = NatsUrl.PATTERN;

  @Required
  @Pattern(URL_PATTERN)
  @JsonPropertyDescription(
      "NATS URL (nats://, tls://, ws:// or wss://), e.g. nats://nats.vask-system:4222;"
          + " comma-separate several.")
  public String url;

  public NatsSpec() {}

  public NatsSpec(String url) {
    this.url = url;
  }
}
