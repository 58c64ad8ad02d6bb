package io.vask.bench.scenario;

import io.netty.channel.EventLoop;
import io.vask.bench.client.ApiRequests;
import io.vask.bench.client.LoadClient;
import io.vask.bench.client.Marker;
import io.vask.bench.client.WsSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs of sockets on private channels; one of each pair sends client events at a total rate, the
 * other receives them (the sender is excluded). The app needs {@code clientEvents} and a {@code
 * clientEventsPerSecond} above the per-socket rate.
 */
final class ClientEventsScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int pairs = options.integer("pairs", 200);
    double rate = options.decimal("rate", 10_000);
    ResultLine line = new ResultLine("client-events", target).put("pairs", pairs).put("rate", rate);
    ApiRequests auth =
        new ApiRequests(target.host(), target.appId(), target.appKey(), target.appSecret());
    try (LoadClient client = Clients.to(target, options)) {
      Deliveries listener = new Deliveries();
      LoadClient.Opened opened = client.connectAll(pairs * 2, listener, 256, 60_000, socket -> {});
      List<WsSocket> sockets = new ArrayList<>(opened.sockets());
      sockets.sort(Comparator.comparingInt(s -> s.tag));
      for (WsSocket socket : sockets) {
        String channel = "private-bench-pair-" + socket.tag / 2;
        socket.sendText(
            "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
                + channel
                + "\",\"auth\":\""
                + auth.privateAuth(socket.socketId(), channel)
                + "\"}}");
      }
      listener.awaitSubscribed(sockets.size(), 30_000);
      line.put("sockets_open", sockets.size()).put("subscribed", listener.subscribed.get());
      List<WsSocket> senders = new ArrayList<>();
      for (WsSocket socket : sockets) {
        if (socket.tag % 2 == 0) {
          senders.add(socket);
        }
      }
      if (senders.isEmpty()) {
        return line.put("error", "no sockets connected: " + opened.firstFailure());
      }
      EventLoop driver = client.group().next();
      long[] sequence = new long[1];
      // warm-up long enough for the server's JIT to finish: measured on the gateway, C2 recompiles
      // its read path for client events for ~8 s at this load, on the core the loop is pinned to
      Pacer.run(driver, rate, options.integer("warmup-ms", 10_000), n -> send(senders, sequence));
      Deliveries.awaitAtLeast(client::received, sequence[0], 5000);
      line.put("warmup_events_sent", sequence[0]);
      client.reset();
      Cpu server = Cpu.start(target.pids());
      Cpu self = Cpu.start(List.of(ProcessHandle.current().pid()));
      long start = System.nanoTime();
      long sent = Pacer.run(driver, rate, options.durationMillis(), n -> send(senders, sequence));
      Deliveries.awaitAtLeast(client::received, sent, options.integer("drain-ms", 5000));
      double seconds = (System.nanoTime() - start) / 1e9;
      LoadClient.Snapshot snapshot = client.snapshot();
      line.put("events_sent", sent)
          .deliveries(sent, snapshot.received(), seconds)
          .put("out_of_order", snapshot.outOfOrder())
          .put("pusher_errors", listener.errors.get());
      if (!listener.firstError.isEmpty()) {
        line.put("first_error", listener.firstError);
      }
      return line.latency("latency_ms", snapshot.latencyMicros()).cpu(server, self);
    }
  }

  private static boolean send(List<WsSocket> senders, long[] sequence) {
    long seq = sequence[0]++;
    WsSocket sender = senders.get((int) (seq % senders.size()));
    String channel = "private-bench-pair-" + sender.tag / 2;
    sender.sendText(
        "{\"event\":\"client-bench\",\"channel\":\""
            + channel
            + "\",\"data\":\""
            + Marker.of(System.nanoTime(), seq)
            + "\"}");
    return true;
  }
}
