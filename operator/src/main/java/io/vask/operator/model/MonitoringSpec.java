package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;

/**
 * A Prometheus Operator PodMonitor {@code <name>-gateway} for the app's gateway pods. Rendered only
 * when the cluster serves monitoring.coreos.com/v1 PodMonitor; otherwise a condition says so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MonitoringSpec {
  /** Prometheus durations: 30s, 1m, 1m30s. */
  public static final String DURATION_PATTERN = "^([0-9]+(ms|s|m|h))+$";

  @JsonPropertyDescription(
      "true renders a PodMonitor scraping /metrics on every gateway pod's metrics port (default"
          + " false); false or omitted deletes it.")
  public Boolean podMonitor;

  @JsonPropertyDescription(
      "Labels of the PodMonitor, e.g. the release label your Prometheus selects monitors by.")
  public Map<String, String> labels;

  @Pattern(DURATION_PATTERN)
  @JsonPropertyDescription("Scrape interval, e.g. 30s; omit for Prometheus' default.")
  public String interval;

  public boolean podMonitorRequested() {
    return Boolean.TRUE.equals(podMonitor);
  }
}
