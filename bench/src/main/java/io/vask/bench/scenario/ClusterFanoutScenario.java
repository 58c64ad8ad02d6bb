package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.ArrayList;
import java.util.List;

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
        LoadClient client =
            new LoadClient(
                target.host(),
                target.ports().get(node),
                target.appKey(),
                options.sourceIps(),
                options.loops());
        clients.add(client);
        int share = subscribers / nodes + (node < subscribers % nodes ? 1 : 0);
        ResultLine nodeLine = new ResultLine("cluster-node", target);
        subscribed +=
            Sockets.openSubscribed(client, listener, share, i -> "bench-fanout", options, nodeLine);
      }
      line.put("subscribed", subscribed);
      int fanout = subscribed;
      new Broadcast(
              target,
              options.with("mean-fanout", fanout),
              clients,
              seq -> "bench-fanout",
              seq -> fanout)
          .measure(line, target.pids());
    } finally {
      clients.forEach(LoadClient::close);
    }
    return line;
  }
}
