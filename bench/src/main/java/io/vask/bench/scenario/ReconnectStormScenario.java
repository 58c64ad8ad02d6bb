package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import io.vask.bench.client.WsSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pod drains with N subscribed sockets: they are opened on the first node of a cluster target,
 * the node gets SIGTERM (it closes them with 4200 over its drain window), and every socket
 * reconnects like pusher-js to one of the other nodes and subscribes again. Measures the time until
 * all are subscribed again, failed attempts, closes by code (4100: the receivers refused) and the
 * receivers' peak CPU and RSS.
 *
 * <p>Before the storm, the receivers are warmed ({@code warmup-rounds}, default 3): each takes as
 * many connect + subscribe + close cycles as it will receive, so the storm meets pods whose JIT has
 * compiled the connect path, as pods that have served for a while have. Without it, a freshly
 * started JVM spends most of the storm compiling (docs/bench/storm-receiver-profile.txt: C1 and C2
 * threads 45 % of the receivers' CPU, the event loop 22 %).
 */
final class ReconnectStormScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int count = options.integer("clients", 10_000);
    int nodes = target.ports().size();
    long windowMillis = options.integer("drain-window-ms", 10_000);
    ResultLine line =
        new ResultLine("reconnect-storm", target)
            .put("clients", count)
            .put("nodes", nodes)
            .put("drain_window_ms", windowMillis);
    if (nodes < 2) {
      return line.put("error", "needs a cluster target (two nodes or more)");
    }
    List<LoadClient> receivers = new ArrayList<>();
    try (LoadClient draining = client(target, 0, options)) {
      for (int node = 1; node < nodes; node++) {
        receivers.add(client(target, node, options));
      }
      int warmupRounds = options.integer("warmup-rounds", 3);
      for (int round = 0; round < warmupRounds; round++) {
        for (LoadClient receiver : receivers) {
          warm(receiver, count / receivers.size(), options);
        }
      }
      line.put("warmup_rounds", warmupRounds);
      Deliveries first = new Deliveries();
      LoadClient.Opened opened = openSubscribed(draining, first, count, options);
      int subscribed = first.subscribed.get();
      line.put("sockets_open", opened.sockets().size()).put("subscribed", subscribed);
      Deliveries again = new Deliveries();
      long timeout = windowMillis + options.integer("storm-timeout-ms", 30_000);
      Reconnector reconnector =
          new Reconnector(
              receivers,
              again,
              ReconnectStormScenario::channel,
              System.nanoTime() + timeout * 1_000_000);
      opened.sockets().forEach(reconnector::watch);
      List<Long> receiverPids = target.pids().subList(1, Math.min(nodes, target.pids().size()));
      try (ProcessSampler sampler = new ProcessSampler(receiverPids, 250)) {
        Cpu cpu = Cpu.start(receiverPids);
        long start = System.nanoTime();
        ProcessHandle.of(target.pids().get(0)).ifPresent(ProcessHandle::destroy); // SIGTERM
        List<List<Double>> timeline = new ArrayList<>();
        long allBackAt = -1;
        while (System.nanoTime() - start < timeout * 1_000_000) {
          Thread.sleep(250);
          double at = (System.nanoTime() - start) / 1e9;
          timeline.add(List.of(Math.round(at * 100) / 100.0, (double) again.subscribed.get()));
          if (again.subscribed.get() >= subscribed) {
            allBackAt = System.nanoTime() - start;
            break;
          }
        }
        line.put("resubscribed", again.subscribed.get())
            .put("all_back_ms", allBackAt < 0 ? null : allBackAt / 1_000_000)
            .put(
                "all_back_within_drain_window",
                allBackAt >= 0 && allBackAt / 1_000_000 <= windowMillis + 1000)
            .put("attempts", reconnector.attempts.get())
            .put("failed_attempts", reconnector.failedAttempts.get())
            .put("gave_up", reconnector.gaveUp.get())
            .put("closes_by_code", reconnector.closes())
            .put("pusher_errors", again.errors.get())
            .put("receivers_peak_cpu_pct", sampler.peakCpuPercent())
            .put("receivers_peak_rss_bytes", sampler.peakRss())
            .put("receivers_cpu_seconds", cpu.seconds())
            .put("resubscribed_timeline", timeline);
      } finally {
        reconnector.stop();
      }
    } finally {
      receivers.forEach(LoadClient::close);
    }
    return line;
  }

  /** {@code sockets} connect and subscribe to the receiver, then close. */
  private static void warm(LoadClient receiver, int sockets, Options options) throws Exception {
    LoadClient.Opened opened = openSubscribed(receiver, new Deliveries(), sockets, options);
    for (WsSocket socket : opened.sockets()) {
      socket.channel().close();
    }
    for (WsSocket socket : opened.sockets()) {
      socket.closed().get(30, TimeUnit.SECONDS);
    }
  }

  /** Opens {@code count} sockets, each subscribing its storm channel; waits for the acks. */
  private static LoadClient.Opened openSubscribed(
      LoadClient client, Deliveries listener, int count, Options options) throws Exception {
    int timeoutMillis = options.integer("connect-timeout-ms", 60_000);
    LoadClient.Opened opened =
        client.connectAll(
            count,
            listener,
            options.integer("connect-concurrency", 256),
            timeoutMillis,
            socket -> socket.sendText(Deliveries.subscribe(channel(socket.tag))));
    listener.awaitSubscribed(opened.sockets().size(), timeoutMillis);
    return opened;
  }

  private static LoadClient client(Target target, int node, Options options) {
    return Clients.toNode(target, options, node);
  }

  private static String channel(int index) {
    return "bench-storm-" + index % 100;
  }
}
