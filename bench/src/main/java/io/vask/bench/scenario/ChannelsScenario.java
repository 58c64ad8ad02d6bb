package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.List;
import java.util.SplittableRandom;

/** N sockets spread over K channels; each event goes to one channel chosen at random. */
final class ChannelsScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int sockets = options.integer("subscribers", 2000);
    int channels = Math.max(1, options.integer("channels", 100));
    ResultLine line =
        new ResultLine("channels", target).put("subscribers", sockets).put("channels", channels);
    int[] perChannel = new int[channels];
    for (int i = 0; i < sockets; i++) {
      perChannel[i % channels]++;
    }
    SplittableRandom random = new SplittableRandom(42);
    int[] chosen = new int[1];
    try (LoadClient client = Clients.to(target, options)) {
      Deliveries listener = new Deliveries();
      Sockets.openSubscribed(
          client, listener, sockets, i -> "bench-ch-" + (i % channels), options, line);
      // fanoutOf runs first for each event and picks its channel; channelOf reuses the pick
      new Broadcast(
              target,
              options.with("mean-fanout", (double) sockets / channels),
              List.of(client),
              seq -> "bench-ch-" + chosen[0],
              seq -> perChannel[chosen[0] = random.nextInt(channels)])
          .measure(line, target.pids());
    }
    return line;
  }
}
