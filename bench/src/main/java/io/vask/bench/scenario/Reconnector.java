package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import io.vask.bench.client.WsSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reconnects closed sockets like pusher-js: at once after a 42xx close ("reconnect now"), after a
 * back-off after anything else (1 s doubling to 10 s, jittered), never after 40xx; each socket goes
 * to one of {@code clients} (the other pods) and subscribes its channel again. Counts every failed
 * attempt and every close by code. Stops retrying at the deadline.
 */
final class Reconnector {
  private final List<LoadClient> clients;
  private final Deliveries listener;
  private final IntFunction<String> channelOf;
  private final long deadlineNanos;
  private volatile boolean stopped;
  final AtomicInteger attempts = new AtomicInteger();
  final AtomicInteger failedAttempts = new AtomicInteger();
  final AtomicInteger gaveUp = new AtomicInteger();
  final Map<Integer, AtomicInteger> closesByCode = new ConcurrentHashMap<>();

  Reconnector(
      List<LoadClient> clients,
      Deliveries listener,
      IntFunction<String> channelOf,
      long deadlineNanos) {
    this.clients = clients;
    this.listener = listener;
    this.channelOf = channelOf;
    this.deadlineNanos = deadlineNanos;
  }

  /** Watches {@code socket}: when it closes, it is reconnected elsewhere. */
  void watch(WsSocket socket) {
    int index = socket.tag;
    socket.closed().thenAccept(code -> closed(index, code, 0));
  }

  private void closed(int index, int code, int failures) {
    if (stopped) {
      return;
    }
    closesByCode.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
    if (code >= 4000 && code < 4100) {
      gaveUp.incrementAndGet();
      return;
    }
    schedule(index, code >= 4200 && code < 4300 ? 0 : backoffMillis(failures + 1), failures);
  }

  private void schedule(int index, long delayMillis, int failures) {
    if (stopped) {
      return;
    }
    if (System.nanoTime() >= deadlineNanos) {
      gaveUp.incrementAndGet();
      return;
    }
    LoadClient client = clients.get(index % clients.size());
    try {
      client
          .group()
          .schedule(() -> attempt(client, index, failures), delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the scenario ended and closed its clients
    }
  }

  /** The measurement is over: closes from now on are the scenario's own. */
  void stop() {
    stopped = true;
  }

  private void attempt(LoadClient client, int index, int failures) {
    attempts.incrementAndGet();
    client
        .connect(listener, index)
        .whenComplete(
            (socket, error) -> {
              if (error != null) {
                failedAttempts.incrementAndGet();
                schedule(index, backoffMillis(failures + 1), failures + 1);
                return;
              }
              socket.sendText(Deliveries.subscribe(channelOf.apply(index)));
              socket.closed().thenAccept(code -> closed(index, code, failures + 1));
            });
  }

  /** pusher-js waits longer after each failure; jitter keeps the clients apart. */
  static long backoffMillis(int failures) {
    long base = Math.min(10_000, 1000L << Math.min(4, Math.max(0, failures - 1)));
    return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  Map<String, Integer> closes() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    closesByCode.forEach((code, n) -> out.put("" + code, n.get()));
    return out;
  }
}
