package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.List;

/** N subscribers on one channel, events published through the HTTP API. */
final class FanoutScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int subscribers = options.integer("subscribers", 1000);
    ResultLine line = new ResultLine("fanout", target).put("subscribers", subscribers);
    try (LoadClient client =
        new LoadClient(
            target.host(), target.port(), target.appKey(), options.sourceIps(), options.loops())) {
      Deliveries listener = new Deliveries();
      int subscribed =
          Sockets.openSubscribed(client, listener, subscribers, i -> "bench-fanout", options, line);
      new Broadcast(
              target,
              options.with("mean-fanout", subscribed),
              List.of(client),
              seq -> "bench-fanout",
              seq -> subscribed)
          .measure(line, target.pids());
    }
    return line;
  }
}
