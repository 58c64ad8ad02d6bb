package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Per-app limits. Omitted values take the gateway's defaults (shown in each description). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LimitsSpec {
  public static final int MAX_MESSAGE_BYTES_CAP = 65_536;

  @Min(0)
  @JsonPropertyDescription("Open connections allowed for the whole app; 0 (default) = unlimited.")
  public Integer maxConnections;

  @Min(1)
  @Max(MAX_MESSAGE_BYTES_CAP)
  @JsonPropertyDescription("Largest event payload in bytes, 1..65536 (default 65536).")
  public Integer maxMessageBytes;

  @Min(1)
  @Max(10_000)
  @JsonPropertyDescription("Client events per second per connection (default 10).")
  public Integer clientEventsPerSecond;

  @Min(1)
  @Max(100_000)
  @JsonPropertyDescription("Members allowed in one presence channel (default 100).")
  public Integer maxPresenceMembers;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Channels one HTTP trigger may name, 1..100 (default 100).")
  public Integer maxChannelsPerTrigger;

  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Events in one HTTP batch trigger, 1..1000 (default 10).")
  public Integer maxEventsPerBatch;

  @Min(0)
  @Max(1_000_000)
  @JsonPropertyDescription(
      "HTTP API requests per second on each gateway pod, past it 429 (default 1000; 0 ="
          + " unlimited).")
  public Integer apiRequestsPerSecond;

  @JsonPropertyDescription(
      "Origins a browser socket may come from: exact (https://app.example.com) or a subdomain"
          + " pattern (https://*.example.com, *.example.com); others are refused (4009). Omit or"
          + " leave empty for any.")
  public java.util.List<String> allowedOrigins;
}
