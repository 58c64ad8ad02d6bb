package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out across a cluster: the subscribers are split evenly over every node of the target, the
 * publisher talks to the first node only, so two thirds of the deliveries cross NATS.
 */
final class ClusterFanoutScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int subscribers = options.integer("subscribers", 1000);
    int nodes = target.ports().size();
    ResultLine line =
        new ResultLine("cluster-fanout", target)
            .put("subscribers", subscribers)
            .put("nodes", nodes);
    List<LoadClient> clients = new ArrayList<>();
    try {
      Deliveries listener = new Deliveries();
      int subscribed = 0;
      for (int node = 0; node < nodes; node++) {
        LoadClient client = Clients.toNode(target, options, node);
        clients.add(client);
        int share = subscribers / nodes + (node < subscribers % nodes ? 1 : 0);
        ResultLine nodeLine = new ResultLine("cluster-node", target);
        subscribed +=
            Sockets.openSubscribed(client, listener, share, i -> "bench-fanout", options, nodeLine);
      }
      line.put("subscribed", subscribed);
      int fanout = subscribed;
      // the nodes are fresh JVMs (the single-gateway runs follow several others): a longer warm-up
      // lets their JIT finish, which otherwise competes for the one core they share
      Options run =
          options.with("mean-fanout", fanout).with("warmup-ms", options.integer("warmup-ms", 8000));
      new Broadcast(target, run, clients, seq -> "bench-fanout", seq -> fanout)
          .measure(line, target.pids());
      line.put("cross_node", crossNode(target, run, clients, fanout));
    } finally {
      clients.forEach(LoadClient::close);
    }
    return line;
  }

  /**
   * What crossing NATS adds: at a light fixed rate (no queueing), the p50 at the publisher's node
   * against the p50 at the other nodes.
   */
  private static Map<String, Object> crossNode(
      Target target, Options options, List<LoadClient> clients, int fanout) throws Exception {
    double rate = options.decimal("cross-node-rate", 10);
    ResultLine probe = new ResultLine("cluster-fanout", target);
    new Broadcast(
            target,
            options.with("rate", rate).with("warmup-ms", 1000),
            clients,
            seq -> "bench-fanout",
            seq -> fanout)
        .measure(probe, target.pids());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("rate", rate);
    result.put("loss", probe.get("loss"));
    if (probe.get("p50_ms_by_client") instanceof List<?> p50s && p50s.size() > 1) {
      double local = ((Number) p50s.get(0)).doubleValue();
      double remote = 0;
      for (int i = 1; i < p50s.size(); i++) {
        remote += ((Number) p50s.get(i)).doubleValue();
      }
      remote /= p50s.size() - 1;
      result.put("p50_ms_publisher_node", local);
      result.put("p50_ms_other_nodes", Math.round(remote * 1000) / 1000.0);
      result.put("added_p50_ms", Math.round((remote - local) * 1000) / 1000.0);
    }
    return result;
  }
}
