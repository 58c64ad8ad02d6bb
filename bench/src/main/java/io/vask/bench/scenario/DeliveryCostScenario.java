package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU per delivery at equal load per node: {@code subscribers-per-node} sockets on every node of
 * the target (one gateway, or a cluster), one channel, events published to the first node at a
 * fixed rate. From each process's CPU seconds (/proc) and the deliveries its sockets received:
 * CPU-seconds per million deliveries for the gateways and, in a cluster, for nats-server (the
 * target's last process), and the p50 at each node (what crossing NATS adds).
 */
final class DeliveryCostScenario implements Scenario {
  private static final String CHANNEL = "bench-cost";

  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int perNode = options.integer("subscribers-per-node", 300);
    double rate = options.decimal("rate", 100);
    int nodes = target.ports().size();
    ResultLine line =
        new ResultLine("delivery-cost", target)
            .put("nodes", nodes)
            .put("subscribers_per_node", perNode);
    List<LoadClient> clients = new ArrayList<>();
    try {
      Deliveries listener = new Deliveries();
      int subscribed = 0;
      for (int node = 0; node < nodes; node++) {
        LoadClient client = Clients.toNode(target, options, node);
        clients.add(client);
        subscribed +=
            Sockets.openSubscribed(
                client, listener, perNode, i -> CHANNEL, options, new ResultLine("node", target));
      }
      line.put("subscribed", subscribed);
      int fanout = subscribed;
      Options run =
          options
              .with("mean-fanout", fanout)
              .with("rate", rate)
              .with("warmup-ms", options.integer("warmup-ms", 3000));
      new Broadcast(target, run, clients, seq -> CHANNEL, seq -> fanout)
          .measure(line, target.pids());
      line.put("cost", costs(line, nodes));
    } finally {
      clients.forEach(LoadClient::close);
    }
    return line;
  }

  /** CPU-seconds per million deliveries: each node, the gateways together, NATS; p50 per node. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> costs(ResultLine line, int nodes) {
    Map<String, Object> cost = new LinkedHashMap<>();
    Map<String, Object> cpu = (Map<String, Object>) line.get("cpu");
    List<Double> seconds = (List<Double>) cpu.get("server_cpu_seconds_by_process");
    List<Long> received =
        line.get("received_by_client") instanceof List<?> r
            ? (List<Long>) r
            : List.of(((Number) line.get("deliveries_received")).longValue());
    long total = received.stream().mapToLong(Long::longValue).sum();
    List<Double> perNode = new ArrayList<>();
    double gatewaySeconds = 0;
    for (int i = 0; i < nodes; i++) {
      gatewaySeconds += seconds.get(i);
      perNode.add(perMillion(seconds.get(i), received.get(i)));
    }
    cost.put("deliveries", total);
    cost.put("gateway_cpu_s_per_million_by_node", perNode);
    cost.put("gateway_cpu_s_per_million", perMillion(gatewaySeconds, total));
    if (seconds.size() > nodes) {
      cost.put("nats_cpu_s_per_million", perMillion(seconds.get(nodes), total));
      cost.put("total_cpu_s_per_million", perMillion(gatewaySeconds + seconds.get(nodes), total));
    } else {
      cost.put("total_cpu_s_per_million", perMillion(gatewaySeconds, total));
    }
    if (line.get("p50_ms_by_client") instanceof List<?> p50s && p50s.size() > 1) {
      double local = ((Number) p50s.get(0)).doubleValue();
      double remote = 0;
      for (int i = 1; i < p50s.size(); i++) {
        remote += ((Number) p50s.get(i)).doubleValue();
      }
      remote /= p50s.size() - 1;
      cost.put("p50_ms_publisher_node", local);
      cost.put("p50_ms_other_nodes", Math.round(remote * 1000) / 1000.0);
      cost.put("added_p50_ms", Math.round((remote - local) * 1000) / 1000.0);
    }
    return cost;
  }

  private static Double perMillion(double cpuSeconds, long deliveries) {
    return deliveries <= 0 ? null : Math.round(cpuSeconds / deliveries * 1e6 * 1000) / 1000.0;
  }
}
