package io.vask.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One app's connection and message meters, created once per app and cached by {@link
 * GatewayMetrics}: the hot path looks them up once per connection or fan-out batch and then only
 * increments.
 */
public record AppMeters(
    String appId,
    AtomicLong connections,
    Counter connectionsOpened,
    Counter messagesIn,
    Counter messagesOut,
    Counter bytesIn,
    Counter bytesOut) {

  /** The tag every per-app series carries. */
  public static final String APP = "app";

  static AppMeters register(MeterRegistry registry, String appId) {
    AtomicLong connections = new AtomicLong();
    Gauge.builder("vask_connections", connections, AtomicLong::get)
        .description("Open WebSocket connections")
        .tag(APP, appId)
        .strongReference(true)
        .register(registry);
    return new AppMeters(
        appId,
        connections,
        counter(registry, appId, "vask_connections_opened", "WebSocket connections accepted"),
        counter(registry, appId, "vask_messages_in", "WebSocket messages received from clients"),
        counter(registry, appId, "vask_messages_out", "WebSocket messages written to clients"),
        counter(registry, appId, "vask_bytes_in", "WebSocket payload bytes received"),
        counter(registry, appId, "vask_bytes_out", "WebSocket payload bytes written"));
  }

  /** Exported as {@code <name>_total}. */
  private static Counter counter(MeterRegistry registry, String appId, String name, String help) {
    return Counter.builder(name).description(help).tag(APP, appId).register(registry);
  }

  public void opened() {
    connections.incrementAndGet();
    connectionsOpened.increment();
  }

  public void closed() {
    connections.decrementAndGet();
  }

  public void received(int bytes) {
    messagesIn.increment();
    bytesIn.increment(bytes);
  }

  /** {@code count} messages of {@code bytesEach} written: one call per fan-out batch. */
  public void sent(int count, long bytesEach) {
    messagesOut.increment(count);
    bytesOut.increment(count * bytesEach);
  }
}
