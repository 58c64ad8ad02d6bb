package io.vask.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vask.bench.scenario.ResultLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-unit costs of a run (unit-costs.json), the figures docs/capacity.md computes from: each
 * with its unit and the result line it comes from, so every number in the model can be traced.
 */
final class UnitCosts {
  private UnitCosts() {}

  /** One measured unit cost. */
  record Unit(Double value, String unit, String from) {}

  static Map<String, Unit> of(List<ResultLine> lines) {
    Map<String, Unit> units = new LinkedHashMap<>();
    ResultLine single = Fields.where(lines, "delivery-cost", "nodes", 1);
    ResultLine cluster = Fields.where(lines, "delivery-cost", "nodes", 3);
    String perMillion = "CPU-seconds per million deliveries";
    units.put(
        "gateway_cpu_s_per_million_deliveries_single",
        new Unit(
            Fields.number(single, "cost", "gateway_cpu_s_per_million"),
            perMillion,
            "delivery-cost, one gateway"));
    units.put(
        "gateway_cpu_s_per_million_deliveries_cluster",
        new Unit(
            Fields.number(cluster, "cost", "gateway_cpu_s_per_million"),
            perMillion,
            "delivery-cost, three gateways + NATS: the gateways"));
    units.put(
        "nats_cpu_s_per_million_deliveries",
        new Unit(
            Fields.number(cluster, "cost", "nats_cpu_s_per_million"),
            perMillion,
            "delivery-cost, three gateways + NATS: nats-server"));
    units.put(
        "nats_cpu_s_per_million_messages",
        new Unit(
            natsPerMillionMessages(Fields.where(lines, "nats-load", "nodes", 3)),
            "CPU-seconds per million NATS messages (in + out)",
            "nats-load (delivery-cost with one subscriber per pod at many events/s):"
                + " nats-server CPU / (events x (pods + 1))"));
    units.put(
        "cross_pod_added_p50_ms",
        new Unit(
            Fields.number(cluster, "cost", "added_p50_ms"),
            "ms",
            "delivery-cost, three gateways: p50 at the other pods - at the publisher's"));
    units.put(
        "connects_per_core_second",
        new Unit(
            Fields.number(Fields.where(lines, "connect-rate", "target", "gateway"), "per_core_sec"),
            "connect + subscribe per CPU-second",
            "connect-rate, gateway"));
    units.put(
        "ceiling_upgrades_per_core_second",
        new Unit(
            Fields.number(Fields.where(lines, "connect-rate", "target", "ceiling"), "per_core_sec"),
            "WebSocket upgrades per CPU-second",
            "connect-rate, ceiling"));
    ResultLine idle = Verdicts.find(lines, "gateway", "idle", null, null);
    units.put(
        "heap_bytes_per_idle_connection",
        new Unit(
            Fields.number(idle, "bytes_per_connection", "heap_plus_direct"),
            "bytes (heap after GC + direct)",
            "idle, gateway"));
    units.put(
        "rss_bytes_per_idle_connection",
        new Unit(
            Fields.number(idle, "bytes_per_connection", "rss"), "bytes of RSS", "idle, gateway"));
    ResultLine presence = Fields.where(lines, "big-presence", "target", "gateway-cluster");
    units.put(
        "heap_bytes_per_presence_member",
        new Unit(
            Fields.number(presence, "heap_bytes_per_member"),
            "bytes of heap, all pods together",
            "big-presence, three gateways"));
    units.put(
        "webhook_events_per_second",
        new Unit(
            Fields.number(
                Fields.where(lines, "webhooks", "target", "gateway"), "webhook_events_per_sec"),
            "webhook events per second, one pod",
            "webhooks, gateway"));
    ResultLine storm = Fields.where(lines, "reconnect-storm", "target", "gateway-cluster");
    units.put(
        "storm_clients",
        new Unit(Fields.number(storm, "subscribed"), "clients", "reconnect-storm"));
    units.put(
        "storm_all_back_ms",
        new Unit(Fields.number(storm, "all_back_ms"), "ms after SIGTERM", "reconnect-storm"));
    units.put(
        "storm_reconnects_per_core_second",
        new Unit(
            ratio(
                Fields.number(storm, "resubscribed"),
                Fields.number(storm, "receivers_cpu_seconds")),
            "reconnect + subscribe per CPU-second of the receiving pods, cluster mode",
            "reconnect-storm: clients / receivers' CPU seconds"));
    return units;
  }

  /** nats-server's CPU-seconds per million NATS messages of a cluster line, or null. */
  static Double natsPerMillionMessages(ResultLine cluster) {
    Double seconds = natsCpuSeconds(cluster);
    if (seconds == null
        || !(cluster.get("events_sent") instanceof Number events)
        || events.longValue() <= 0) {
      return null;
    }
    // each event enters NATS once and leaves once per pod
    double messages = events.doubleValue() * (((Number) cluster.get("nodes")).intValue() + 1);
    return Math.round(seconds / messages * 1e6 * 1000) / 1000.0;
  }

  /** nats-server's CPU seconds in a cluster line's window: the process after the gateways. */
  static Double natsCpuSeconds(ResultLine cluster) {
    return cluster != null
            && Fields.at(cluster, "cpu", "server_cpu_seconds_by_process") instanceof List<?> cpu
            && cluster.get("nodes") instanceof Number n
            && cpu.size() > n.intValue()
        ? ((Number) cpu.get(n.intValue())).doubleValue()
        : null;
  }

  static void write(List<ResultLine> lines, String started, boolean quick, Path file)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_started", started);
    doc.put("quick", quick);
    doc.put("source", "results.json of the same run");
    doc.put("units", of(lines));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
  }

  private static Double ratio(Double amount, Double seconds) {
    return amount == null || seconds == null || seconds <= 0 ? null : amount / seconds;
  }
}
