package io.vask.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {
  @Test
  void findsTheMetricsOfAnExpressionAndNothingElse() {
    assertThat(
            PromQlNames.of(
                "histogram_quantile(0.99, sum by (le, app) (rate(vask_fanout_latency_seconds_bucket"
                    + "{pod=~\"$pod\",code=\"a{b}\"}[$__rate_interval])))"
                    + " / on (pod) group_left max(process_files_max_files offset 5m) + system_load_average_1m * 100"))
        .containsExactly(
            "process_files_max_files",
            "system_load_average_1m",
            "vask_fanout_latency_seconds_bucket");
  }

  @Test
  void readsTheMetricOfATemplateQuery() {
    assertThat(PromQlNames.ofTemplateQuery("label_values(vask_connections, app)"))
        .containsExactly("vask_connections");
  }
}
