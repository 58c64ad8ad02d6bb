package io.vask.bench.suite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * docs/capacity.md's worked example, computed from the measured unit costs: a fleet for {@code
 * connections} sockets and {@code deliveries} per second at a mean fan-out, on pods of {@code
 * podCores} cores held at {@code utilisation}. A figure whose inputs were not measured is absent.
 */
record CapacityModel(
    double connections,
    double deliveries,
    double meanFanout,
    double podCores,
    double podConnections,
    double utilisation) {

  /** The example of docs/capacity.md: 1 M connections, 10 M deliveries/s. */
  static final CapacityModel EXAMPLE = new CapacityModel(1e6, 1e7, 100, 2, 50_000, 0.6);

  /** The unit costs and the example's figures derived from them, by the names the doc uses. */
  Map<String, Double> figures(Map<String, Double> units) {
    Map<String, Double> f = new LinkedHashMap<>(units);
    Double gatewayCost = units.get("gateway_cpu_s_per_million_deliveries_cluster");
    Double heap = units.get("heap_bytes_per_idle_connection");
    // a drain moves sockets onto pods of a cluster: the storm's cost, not one gateway's connect
    // rate
    Double connects = units.get("storm_reconnects_per_core_second");
    double events = deliveries / meanFanout;
    f.put("example_events_per_second", events);
    f.put("example_pods_for_connections", Math.ceil(connections / podConnections));
    if (gatewayCost == null) {
      return f;
    }
    double cores = deliveries * gatewayCost / 1e6 / utilisation;
    double pods = Math.max(Math.ceil(cores / podCores), Math.ceil(connections / podConnections));
    f.put("example_gateway_cores", Math.ceil(cores));
    f.put("example_pods_for_cpu", Math.ceil(cores / podCores));
    f.put("example_pods", pods);
    // every pod with a subscriber of every channel: each event enters NATS once, leaves per pod
    double messages = events * (pods + 1);
    f.put("example_nats_messages_per_second", messages);
    // NATS's per-message cost comes from the run that loads it (nats-load), not from the cost
    // run, whose 100 events/s leave nats-server's fixed cost (heartbeats, KV) in the figure
    Double natsCost = units.get("nats_cpu_s_per_million_messages");
    if (natsCost != null) {
      f.put("example_nats_cores", Math.ceil(messages * natsCost / 1e6 / utilisation));
    }
    if (heap != null) {
      // the connections' own heap, doubled for the collector's headroom
      f.put("example_heap_mib_per_pod", Math.ceil(2 * connections / pods * heap / 1048576.0));
    }
    if (connects != null && pods > 1) {
      // one pod drains: its sockets reconnect to the others, each admitting at its measured rate
      double rate = connects * podCores * (pods - 1);
      f.put("example_storm_seconds", Math.ceil(connections / pods / rate * 10) / 10);
    }
    return f;
  }
}
