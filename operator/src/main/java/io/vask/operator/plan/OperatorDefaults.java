package io.vask.operator.plan;

import java.util.Optional;

/** Operator-wide defaults for what a VaskApp leaves out. */
public record OperatorDefaults(String gatewayImage, Optional<String> natsUrl) {
  public OperatorDefaults {
    if (gatewayImage == null || gatewayImage.isBlank()) {
      throw new IllegalArgumentException("gatewayImage is required");
    }
    natsUrl = natsUrl == null ? Optional.empty() : natsUrl;
  }
}
