package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.function.IntFunction;

/** Opens and subscribes the sockets of a scenario, bounded in count and time. */
final class Sockets {
  private Sockets() {}

  /**
   * Opens {@code count} sockets, each subscribing to {@code channelOf(index)}, and waits for the
   * acknowledgements; records what was achieved on the line. Returns the subscribed count.
   */
  static int openSubscribed(
      LoadClient client,
      Deliveries listener,
      int count,
      IntFunction<String> channelOf,
      Options options,
      ResultLine line)
      throws InterruptedException {
    long timeout = options.integer("connect-timeout-ms", 60_000);
    int before = listener.subscribed.get();
    LoadClient.Opened opened =
        client.connectAll(
            count,
            listener,
            options.integer("connect-concurrency", 256),
            timeout,
            socket -> socket.sendText(Deliveries.subscribe(channelOf.apply(socket.tag))));
    listener.awaitSubscribed(before + opened.sockets().size(), timeout);
    int subscribed = listener.subscribed.get() - before;
    line.put("sockets_requested", count)
        .put("sockets_open", opened.sockets().size())
        .put("subscribed", subscribed);
    if (opened.failed() > 0) {
      line.put("connect_failures", opened.failed())
          .put("first_connect_failure", opened.firstFailure());
    }
    return subscribed;
  }
}
