package io.vask.bench.scenario;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.vask.bench.client.ApiRequests;
import io.vask.bench.client.LoadClient;
import io.vask.bench.client.Marker;
import io.vask.bench.client.WsSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Members join and leave one presence channel at a rate; a watcher on the channel times each {@code
 * member_added} (from the join's send time, carried in the user id) and {@code member_removed}
 * (from the leave's send time, kept by sequence).
 */
final class PresenceChurnScenario implements Scenario {
  private static final byte[] REMOVED = "member_removed".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUCCEEDED =
      "subscription_succeeded".getBytes(StandardCharsets.US_ASCII);

  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    String channel = options.text("channel", "presence-bench-churn");
    double rate = options.decimal("rate", 500);
    int churners = options.integer("churners", 200);
    long holdMillis = options.integer("hold-ms", 100);
    long millis = options.durationMillis();
    ResultLine line =
        new ResultLine("presence-churn", target)
            .put("joins_per_sec", rate)
            .put("churners", churners)
            .put("hold_ms", holdMillis);
    ApiRequests auth =
        new ApiRequests(target.host(), target.appId(), target.appKey(), target.appSecret());
    // warm-up long enough for the server's JIT to finish: compiler threads share its pinned core
    int warmupMillis = options.integer("warmup-ms", 3000);
    int capacity = (int) (rate * (millis + warmupMillis + 1000) / 1000) + 1000;
    AtomicLongArray leaveSentAt = new AtomicLongArray(capacity);
    Histogram added = new Histogram(60_000_000L, 3);
    Histogram removed = new Histogram(60_000_000L, 3);
    Histogram joined = new Histogram(60_000_000L, 3);
    AtomicLong events = new AtomicLong();
    Deliveries acks = new Deliveries();
    List<LoadClient> clients = clients(target, options);
    try {
      LoadClient client = clients.get(0);
      WsSocket watcher =
          client
              .connect(
                  (socket, buf, from, to) -> {
                    int at = Marker.find(buf, from, to);
                    if (at < 0) {
                      acks.onText(socket, buf, from, to);
                      return;
                    }
                    onMember(buf, from, to, at, leaveSentAt, added, removed);
                    events.incrementAndGet();
                  },
                  0)
              .get(10, TimeUnit.SECONDS);
      subscribe(watcher, auth, channel, "watcher");
      acks.awaitSubscribed(1, 10_000);
      EventLoop driver = client.group().next();
      ArrayDeque<WsSocket> free = new ArrayDeque<>();
      Map<WsSocket, long[]> pending = new IdentityHashMap<>();
      Churn churn = new Churn(driver, pending, free, holdMillis, leaveSentAt, joined, channel);
      List<WsSocket> pool = new java.util.ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        int share = churners / clients.size() + (i < churners % clients.size() ? 1 : 0);
        pool.addAll(
            clients
                .get(i)
                .connectAll(
                    share,
                    (socket, buf, from, to) -> {
                      if (Marker.contains(buf, from, to, SUCCEEDED)) {
                        long now = System.nanoTime();
                        driver.execute(() -> churn.acknowledged(socket, now));
                      } else {
                        acks.onText(socket, buf, from, to);
                      }
                    },
                    256,
                    60_000,
                    s -> {})
                .sockets());
      }
      driver.submit(() -> free.addAll(pool)).sync();
      line.put("sockets_open", pool.size() + 1);
      long[] sequence = new long[1];
      Pacer.run(
          driver, rate, warmupMillis, n -> join(free, pending, auth, channel, sequence, capacity));
      Deliveries.awaitAtLeast(events::get, 2 * sequence[0], 5000);
      driver.submit(joined::reset).sync();
      EventLoop watcherLoop = watcher.channel().eventLoop();
      watcherLoop
          .submit(
              () -> {
                added.reset();
                removed.reset();
              })
          .sync();
      long before = sequence[0];
      long eventsBefore = events.get();
      Cpu server = Cpu.start(target.pids());
      Cpu self = Cpu.start(List.of(ProcessHandle.current().pid()));
      long start = System.nanoTime();
      long joins =
          Pacer.run(
              driver, rate, millis, n -> join(free, pending, auth, channel, sequence, capacity));
      long expected = 2 * sequence[0] - 2 * before;
      Deliveries.awaitAtLeast(() -> events.get() - eventsBefore, expected, holdMillis + 5000);
      double seconds = (System.nanoTime() - start) / 1e9;
      Histogram both = new Histogram(60_000_000L, 3);
      watcherLoop
          .submit(
              () -> {
                both.add(added);
                both.add(removed);
              })
          .sync();
      line.put("joins", joins)
          .deliveries(expected, events.get() - eventsBefore, seconds)
          .latency("latency_ms", both)
          .latency("member_added_ms", added)
          .latency("member_removed_ms", removed)
          .latency("new_member_subscribed_ms", driver.submit(joined::copy).get())
          .put("pusher_errors", acks.errors.get());
      if (!acks.firstError.isEmpty()) {
        line.put("first_error", acks.firstError);
      }
      return line.cpu(server, self);
    } finally {
      clients.forEach(LoadClient::close);
    }
  }

  /** One client on the first node, or with {@code --spread true} one on every node. */
  private static List<LoadClient> clients(Target target, Options options) {
    List<LoadClient> clients = new java.util.ArrayList<>();
    int nodes = Boolean.parseBoolean(options.text("spread", "false")) ? target.ports().size() : 1;
    for (int node = 0; node < nodes; node++) {
      clients.add(Clients.toNode(target, options, node));
    }
    return clients;
  }

  private static void onMember(
      ByteBuf buf,
      int from,
      int to,
      int at,
      AtomicLongArray leaveSentAt,
      Histogram added,
      Histogram removed) {
    long now = System.nanoTime();
    if (Marker.contains(buf, from, to, REMOVED)) {
      int seq = (int) Marker.sequence(buf, at, to);
      long sentAt = seq < leaveSentAt.length() ? leaveSentAt.get(seq) : 0;
      if (sentAt > 0) {
        removed.recordValue(Math.min((now - sentAt) / 1000, removed.getHighestTrackableValue()));
      }
    } else {
      long micros = (now - Marker.sendNanos(buf, at, to)) / 1000;
      added.recordValue(Math.min(Math.max(0, micros), added.getHighestTrackableValue()));
    }
  }

  /**
   * One join: a free churner subscribes with a fresh user id; it leaves {@code hold} after the join
   * once its own subscription is acknowledged (a member leaving before its join completed is never
   * announced, so it would not measure anything). Runs on the driver loop.
   */
  private static boolean join(
      ArrayDeque<WsSocket> free,
      Map<WsSocket, long[]> pending,
      ApiRequests auth,
      String channel,
      long[] sequence,
      int capacity) {
    WsSocket churner = free.poll();
    if (churner == null || sequence[0] >= capacity) {
      return false;
    }
    long seq = sequence[0]++;
    pending.put(churner, new long[] {seq, System.nanoTime()});
    subscribe(churner, auth, channel, Marker.of(System.nanoTime(), seq));
    return true;
  }

  /** The churners' leave side, run on the driver loop. */
  private record Churn(
      EventLoop driver,
      Map<WsSocket, long[]> pending,
      ArrayDeque<WsSocket> free,
      long holdMillis,
      AtomicLongArray leaveSentAt,
      Histogram joined,
      String channel) {

    /**
     * The churner's subscription was acknowledged at {@code at} (its whole member list arrived):
     * record how long that took and schedule its leave.
     */
    void acknowledged(WsSocket churner, long at) {
      long[] join = pending.remove(churner);
      if (join == null) {
        return;
      }
      joined.recordValue(Math.min((at - join[1]) / 1000, joined.getHighestTrackableValue()));
      long delay =
          Math.max(0, join[1] + TimeUnit.MILLISECONDS.toNanos(holdMillis) - System.nanoTime());
      driver.schedule(
          () -> {
            leaveSentAt.set((int) join[0], System.nanoTime());
            churner.sendText(
                "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
            free.add(churner);
          },
          delay,
          TimeUnit.NANOSECONDS);
    }
  }

  static void subscribe(WsSocket socket, ApiRequests auth, String channel, String userId) {
    String channelData = "{\"user_id\":\"" + userId + "\"}";
    String escaped = channelData.replace("\"", "\\\"");
    socket.sendText(
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\",\"auth\":\""
            + auth.presenceAuth(socket.socketId(), channel, channelData)
            + "\",\"channel_data\":\""
            + escaped
            + "\"}}");
  }
}
