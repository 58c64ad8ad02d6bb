package io.vask.bench.scenario;

import io.vask.bench.client.ApiRequests;
import io.vask.bench.client.LoadClient;
import io.vask.bench.client.Marker;
import io.vask.bench.client.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.LongToIntFunction;
import org.HdrHistogram.Histogram;

/**
 * Publishes through the HTTP API to subscribed sockets and measures what arrives: a short warm-up,
 * then the measured run (fixed rate, or closed loop with a bounded window of events in flight),
 * then a bounded wait for the last deliveries.
 */
final class Broadcast {
  private final Target target;
  private final Options options;
  private final List<LoadClient> clients;
  private final LongFunction<String> channelOf;
  private final LongToIntFunction fanoutOf;
  private long expected;
  private long sequence;

  Broadcast(
      Target target,
      Options options,
      List<LoadClient> clients,
      LongFunction<String> channelOf,
      LongToIntFunction fanoutOf) {
    this.target = target;
    this.options = options;
    this.clients = clients;
    this.channelOf = channelOf;
    this.fanoutOf = fanoutOf;
  }

  void measure(ResultLine line, List<Long> serverPids) throws Exception {
    double rate = options.decimal("rate", 0);
    double meanFanout = Math.max(1, options.decimal("mean-fanout", 1));
    // closed loop: enough deliveries in flight to keep the server busy, few enough that queueing
    // does not turn into latency (10 000 deliveries at 1.5 M/s wait under 7 ms)
    int window =
        options.integer(
            "window",
            (int)
                Math.max(2, Math.ceil(options.integer("window-deliveries", 10_000) / meanFanout)));
    line.put("window_events", window);
    ApiRequests api =
        new ApiRequests(target.host(), target.appId(), target.appKey(), target.appSecret());
    try (Publisher publisher = new Publisher(target.host(), target.port())) {
      publisher.open(options.integer("publishers", 16));
      // warm-up: JIT and pools, not measured
      run(publisher, api, rate, window, meanFanout, options.integer("warmup-ms", 1500));
      Deliveries.awaitAtLeast(this::received, expected, 5000);
      clients.forEach(LoadClient::reset);
      expected = 0;
      Cpu server = Cpu.start(serverPids);
      Cpu client = Cpu.start(List.of(ProcessHandle.current().pid()));
      long start = System.nanoTime();
      Publisher.Outcome outcome =
          run(publisher, api, rate, window, meanFanout, options.durationMillis());
      Deliveries.awaitAtLeast(this::received, expected, options.integer("drain-ms", 5000));
      double seconds = (System.nanoTime() - start) / 1e9;
      Histogram latency = new Histogram(60_000_000L, 3);
      long received = 0;
      long outOfOrder = 0;
      long closes = 0;
      List<Double> p50ByClient = new ArrayList<>();
      List<Long> receivedByClient = new ArrayList<>();
      for (LoadClient c : clients) {
        LoadClient.Snapshot s = c.snapshot();
        latency.add(s.latencyMicros());
        p50ByClient.add(s.latencyMicros().getValueAtPercentile(50) / 1000.0);
        received += s.received();
        receivedByClient.add(s.received());
        outOfOrder += s.outOfOrder();
        closes += s.closes();
      }
      line.put("rate", rate > 0 ? rate : "max")
          .put("events_sent", outcome.sent())
          .put("events_failed", outcome.failed())
          .put("events_per_sec", Math.round(outcome.sent() / outcome.seconds()))
          .put("generator_max_behind_events", outcome.maxBehind())
          .latency("api_answer_ms", outcome.answerMicros());
      if (!outcome.firstError().isEmpty()) {
        line.put("first_error", outcome.firstError());
      }
      line.deliveries(expected, received, seconds)
          .put("out_of_order", outOfOrder)
          .put("server_closes", closes)
          .latency("latency_ms", latency)
          .cpu(server, client);
      if (clients.size() > 1) {
        line.put("p50_ms_by_client", p50ByClient).put("received_by_client", receivedByClient);
      }
    }
  }

  private Publisher.Outcome run(
      Publisher publisher, ApiRequests api, double rate, int window, double meanFanout, long millis)
      throws Exception {
    return publisher
        .run(
            rate,
            millis,
            sent -> rate > 0 || expected - received() < window * meanFanout,
            (n, connection) -> {
              long seq = sequence++;
              expected += fanoutOf.applyAsInt(seq);
              return api.trigger(
                  channelOf.apply(seq), "bench", Marker.of(System.nanoTime(), seq, connection));
            })
        .get(millis + 10_000, TimeUnit.MILLISECONDS);
  }

  private long received() {
    long sum = 0;
    for (LoadClient c : clients) {
      sum += c.received();
    }
    return sum;
  }
}
