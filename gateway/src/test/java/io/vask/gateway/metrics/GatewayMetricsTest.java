package io.vask.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
  private final List<String> live = new ArrayList<>(List.of("one", "two"));

  @Test
  void perAppSeriesExistForEveryAppAndGoWithIt() {
    try (GatewayMetrics metrics = new GatewayMetrics(() -> List.copyOf(live))) {
      metrics.app("one").opened();
      metrics.app("one").sent(3, 10);
      metrics.httpRequest("two", "events", 200);

      String before = metrics.scrape();
      assertThat(before)
          .contains("vask_connections{app=\"one\"} 1")
          .contains("vask_connections{app=\"two\"} 0")
          .contains("vask_messages_out_total{app=\"one\"} 3")
          .contains("vask_bytes_out_total{app=\"one\"} 30")
          .contains("vask_http_requests_total{app=\"two\",endpoint=\"events\",status=\"200\"} 1");

      live.remove("two");
      String after = metrics.scrape();
      assertThat(after).contains("vask_connections{app=\"one\"} 1").doesNotContain("app=\"two\"");
    }
  }

  @Test
  void framesOfNoAppKeepTheirSeriesWhenAppsChange() {
    try (GatewayMetrics metrics = new GatewayMetrics(() -> List.copyOf(live))) {
      metrics.app(GatewayMetrics.NO_APP).sent(1, 5);
      assertThat(metrics.scrape()).contains("vask_messages_out_total{app=\"\"} 1");
      assertThat(metrics.total("vask_messages_out_total")).isEqualTo(1);
    }
  }

  @Test
  void histogramBucketsPrintAsPlainDecimals() {
    try (GatewayMetrics metrics = new GatewayMetrics()) {
      metrics.fanoutLatencyNanos(700_000);
      String text = metrics.scrape();
      assertThat(text)
          .contains("vask_fanout_latency_seconds_bucket{le=\"0.0005\"} 0")
          .contains("vask_fanout_latency_seconds_bucket{le=\"0.001\"} 1")
          .contains("vask_fanout_latency_seconds_bucket{le=\"2.5\"} 1")
          .contains("vask_fanout_latency_seconds_bucket{le=\"+Inf\"} 1")
          .contains("vask_fanout_latency_seconds_count 1")
          .doesNotContainPattern("le=\"[^\"]*E");
    }
  }

  @Test
  void countersReadBackByExportedNameAndTags() {
    try (GatewayMetrics metrics = new GatewayMetrics()) {
      metrics.error("4009");
      metrics.error("4009");
      metrics.error("4201");
      metrics.slowConsumerClosed();
      assertThat(metrics.total("vask_errors_total", "code", "4009")).isEqualTo(2);
      assertThat(metrics.total("vask_errors_total")).isEqualTo(3);
      assertThat(metrics.total("vask_slow_consumers_closed_total")).isEqualTo(1);
      assertThat(metrics.scrape())
          .contains("# TYPE vask_errors_total counter")
          .contains("vask_errors_total{code=\"4009\"} 2")
          .contains("vask_slow_consumers_closed_total 1");
    }
  }

  @Test
  void exportsTheJvmAndProcess() {
    try (GatewayMetrics metrics = new GatewayMetrics()) {
      assertThat(metrics.scrape())
          .contains("jvm_memory_used_bytes{area=\"heap\"")
          .contains("jvm_threads_live_threads")
          .contains("jvm_classes_loaded_classes")
          .contains("process_cpu_usage")
          .contains("process_uptime_seconds")
          .contains("vask_jvm_heap_used_bytes");
    }
  }
}
