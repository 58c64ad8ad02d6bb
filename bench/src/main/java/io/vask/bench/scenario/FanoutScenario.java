package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.List;

/** N subscribers on one channel, events published through the HTTP API. */
final class FanoutScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int subscribers = options.integer("subscribers", 1000);
    ResultLine line = new ResultLine("fanout", target).put("subscribers", subscribers);
    try (LoadClient client = Clients.to(target, options)) {
      Deliveries listener = new Deliveries();
      int subscribed =
          Sockets.openSubscribed(client, listener, subscribers, i -> "bench-fanout", options, line);
      Broadcast broadcast =
          new Broadcast(
              target,
              options.with("mean-fanout", subscribed),
              List.of(client),
              seq -> "bench-fanout",
              seq -> subscribed);
      if (Boolean.parseBoolean(options.text("watch-console", "false"))) {
        watched(target, broadcast, line);
      } else {
        broadcast.measure(line, target.pids());
      }
    }
    return line;
  }

  /**
   * The run with a debug console watching the app (issue 15): the records it saw and the ones the
   * gateway dropped over the watcher's rate limit (its /metrics counter, before and after).
   */
  private static void watched(Target target, Broadcast broadcast, ResultLine line)
      throws Exception {
    GatewayMetrics metrics = new GatewayMetrics(target.metricsPort());
    double droppedBefore =
        GatewayMetrics.sum(metrics.scrape(), "vask_console_records_dropped_total");
    try (ConsoleWatch watch = ConsoleWatch.open(target)) {
      broadcast.measure(line, target.pids());
      double droppedAfter =
          GatewayMetrics.sum(metrics.scrape(), "vask_console_records_dropped_total");
      line.put("console_watched", true)
          .put("console_records_seen", watch.records.get())
          .put("console_records_dropped", Math.round(droppedAfter - Math.max(0, droppedBefore)));
    }
  }
}
