package io.vask.gateway.metrics;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;

/** Every metric the gateway exports, by name, in one place. */
public final class GatewayMetrics {
  public final MetricRegistry registry = new MetricRegistry();

  public final LongAdder connections = new LongAdder();
  public final Counter connectionsOpened =
      registry.counter("vask_connections_opened_total", "WebSocket connections accepted");
  public final Counter messagesIn =
      registry.counter("vask_messages_in_total", "WebSocket messages received from clients");
  public final Counter messagesOut =
      registry.counter("vask_messages_out_total", "WebSocket messages written to clients");
  public final Counter bytesIn =
      registry.counter("vask_bytes_in_total", "WebSocket payload bytes received");
  public final Counter bytesOut =
      registry.counter("vask_bytes_out_total", "WebSocket payload bytes written");
  public final Counter errors =
      registry.counter(
          "vask_errors_total", "pusher:error frames and error closes sent, by code", "code");
  public final Counter httpRequests =
      registry.counter(
          "vask_http_requests_total",
          "HTTP API requests by endpoint and status",
          "endpoint",
          "status");
  public final Counter slowConsumersClosed =
      registry.counter(
          "vask_slow_consumers_closed_total",
          "Sockets closed with 4100 for not reading fast enough");
  public final Counter eventsPublished =
      registry.counter(
          "vask_events_published_total", "Channel events published (HTTP API and client events)");
  public final Histogram fanoutLatency =
      registry.histogram(
          "vask_fanout_latency_seconds",
          "Time from accepting an event to writing it to this node's last subscriber",
          0.0005,
          0.001,
          0.0025,
          0.005,
          0.01,
          0.025,
          0.05,
          0.1,
          0.25,
          0.5,
          1,
          2.5);

  public GatewayMetrics() {
    registry.gauge("vask_connections", "Open WebSocket connections", connections::sum);
    var memory = ManagementFactory.getMemoryMXBean();
    registry.gauge(
        "vask_jvm_heap_used_bytes", "JVM heap in use", () -> memory.getHeapMemoryUsage().getUsed());
    registry.gauge(
        "vask_jvm_direct_used_bytes",
        "Direct (off-heap) buffer memory in use",
        () ->
            ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)
                .stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed)
                .sum());
  }
}
