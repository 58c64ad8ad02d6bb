package io.vask.bench.scenario;

import io.vask.bench.client.ApiRequests;
import io.vask.bench.client.LoadClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One big presence channel across every node of the target: {@code members} sockets join it (spread
 * evenly), then the heap each member costs is read on every node (after full GCs), {@code GET
 * /channels/{c}/users} is timed against each node in turn (after a settle and one unrecorded
 * round), and members churn at {@code rate} joins/s through {@link PresenceChurnScenario} (churners
 * on every node, the watcher on the first): member_added/removed latency and how long a new
 * member's subscription (whose answer holds the whole member list) takes.
 */
final class BigPresenceScenario implements Scenario {
  private static final String CHANNEL = "presence-bench-big";

  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int members = options.integer("members", 2000);
    int nodes = target.ports().size();
    ResultLine line =
        new ResultLine("big-presence", target).put("members", members).put("nodes", nodes);
    ApiRequests auth =
        new ApiRequests(target.host(), target.appId(), target.appKey(), target.appSecret());
    List<Long> gateways = target.pids().subList(0, Math.min(nodes, target.pids().size()));
    long heapBefore = heap(gateways);
    List<LoadClient> clients = new ArrayList<>();
    try {
      Deliveries listener = new Deliveries();
      long start = System.nanoTime();
      int open = 0;
      for (int node = 0; node < nodes; node++) {
        LoadClient client = Clients.toNode(target, options, node);
        clients.add(client);
        int share = members / nodes + (node < members % nodes ? 1 : 0);
        String prefix = "m" + node + "-";
        open +=
            client
                .connectAll(
                    share,
                    listener,
                    options.integer("connect-concurrency", 64),
                    options.integer("connect-timeout-ms", 120_000),
                    s -> PresenceChurnScenario.subscribe(s, auth, CHANNEL, prefix + s.tag))
                .sockets()
                .size();
      }
      listener.awaitSubscribed(open, options.integer("connect-timeout-ms", 120_000));
      long joined = listener.subscribed.get();
      line.put("joined", joined)
          .put("fill_seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0)
          .put("fill_pusher_errors", listener.errors.get());
      if (!listener.firstError.isEmpty()) {
        line.put("fill_first_error", listener.firstError);
      }
      // the fill's last member_added frames are still being written when the last member's
      // subscription is acknowledged: let them go out before heap and query times are read
      Thread.sleep(options.integer("settle-ms", 2000));
      long heapAfter = heap(gateways);
      if (heapBefore > 0 && heapAfter > 0 && joined > 0) {
        line.put("heap_bytes_per_member", (heapAfter - heapBefore) / joined)
            .put("heap_bytes_before", heapBefore)
            .put("heap_bytes_after", heapAfter);
      }
      // each node answers the query once (compiling it) before it is timed
      usersApi(target, auth, 2 * nodes);
      line.latency("users_api_ms", usersApi(target, auth, options.integer("users-requests", 30)));
      ResultLine churn =
          new PresenceChurnScenario()
              .run(target, options.with("channel", CHANNEL).with("spread", true));
      for (String field :
          List.of(
              "joins_per_sec",
              "churners",
              "joins",
              "deliveries_expected",
              "deliveries_received",
              "loss",
              "member_added_ms",
              "member_removed_ms",
              "new_member_subscribed_ms",
              "pusher_errors",
              "first_error",
              "cpu")) {
        if (churn.get(field) != null) {
          line.put(field, churn.get(field));
        }
      }
      double rate = options.decimal("rate", 100);
      // every join and leave goes to every member: the fan-out the churn asks of the cluster
      line.put("member_event_deliveries_per_sec", Math.round(2 * rate * joined));
    } finally {
      clients.forEach(LoadClient::close);
    }
    return line;
  }

  /** Heap after full GC summed over the gateways; -1 when one is unknown. */
  private static long heap(List<Long> pids) throws InterruptedException {
    long sum = 0;
    for (long pid : pids) {
      long heap = ServerMemory.of(pid, 0).heapAfterGc();
      if (heap < 0) {
        return -1;
      }
      sum += heap;
    }
    return sum;
  }

  /** {@code GET /apps/{id}/channels/{c}/users} against each node in turn, one at a time. */
  private static Histogram usersApi(Target target, ApiRequests auth, int requests)
      throws Exception {
    Histogram micros = new Histogram(60_000_000L, 3);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String path = "/apps/" + auth.appId() + "/channels/" + CHANNEL + "/users";
    for (int i = 0; i < requests; i++) {
      int port = target.ports().get(i % target.ports().size());
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://"
                          + target.host()
                          + ":"
                          + port
                          + path
                          + "?"
                          + auth.signedGetQuery(path)))
              .timeout(Duration.ofSeconds(10))
              .build();
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 200) {
        micros.recordValue(Math.min((System.nanoTime() - start) / 1000, 59_999_999));
      }
    }
    return micros;
  }
}
