package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.List;

/**
 * How fast one server admits sockets: N connects (each followed by a subscribe unless {@code
 * --subscribe false}: the ceiling's bare upgrade), as many at once as {@code connect-concurrency}
 * allows. Reports connects per second of wall time and per CPU-second of the server (per core).
 */
final class ConnectRateScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int count = options.integer("connections", 10_000);
    boolean subscribe = Boolean.parseBoolean(options.text("subscribe", "true"));
    ResultLine line =
        new ResultLine("connect-rate", target)
            .put("connections", count)
            .put("subscribe", subscribe);
    try (LoadClient client = Clients.to(target, options)) {
      Deliveries listener = new Deliveries();
      Cpu server = Cpu.start(target.pids());
      Cpu self = Cpu.start(List.of(ProcessHandle.current().pid()));
      long start = System.nanoTime();
      LoadClient.Opened opened =
          client.connectAll(
              count,
              listener,
              options.integer("connect-concurrency", 256),
              options.integer("connect-timeout-ms", 60_000),
              socket -> {
                if (subscribe) {
                  socket.sendText(Deliveries.subscribe("bench-connect-" + socket.tag % 100));
                }
              });
      int done = opened.sockets().size();
      if (subscribe) {
        listener.awaitSubscribed(done, options.integer("connect-timeout-ms", 60_000));
        done = listener.subscribed.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = server.seconds();
      line.put("sockets_open", opened.sockets().size())
          .put("completed", done)
          .put("connect_failures", opened.failed())
          .put("seconds", Math.round(seconds * 1000) / 1000.0)
          .put("per_sec", Math.round(done / seconds))
          .put("per_core_sec", cpuSeconds <= 0 ? null : Math.round(done / cpuSeconds));
      if (opened.failed() > 0) {
        line.put("first_connect_failure", opened.firstFailure());
      }
      return line.cpu(server, self);
    }
  }
}
