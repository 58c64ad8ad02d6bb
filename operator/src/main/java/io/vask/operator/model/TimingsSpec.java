package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Per-app timings; omitted values take the gateway's defaults (shown in each description). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TimingsSpec {
  @Min(1)
  @Max(86_400)
  @JsonPropertyDescription("Seconds a cache channel keeps its last event, 1..86400 (default 1800).")
  public Integer cacheTtlSeconds;

  @Min(1)
  @Max(3600)
  @JsonPropertyDescription(
      "Activity timeout announced to clients in seconds, 1..3600 (default 120): a client pings"
          + " after this much silence.")
  public Integer activityTimeoutSeconds;
}
