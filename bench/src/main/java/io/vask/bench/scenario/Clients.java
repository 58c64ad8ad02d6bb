package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;

/** Load clients for a target's gateways, with the run's source addresses and event loops. */
final class Clients {
  private Clients() {}

  /** A client of the target's first (or only) gateway. */
  static LoadClient to(Target target, Options options) {
    return toNode(target, options, 0);
  }

  /** A client of gateway {@code node} of the target. */
  static LoadClient toNode(Target target, Options options, int node) {
    return new LoadClient(
        target.host(),
        target.ports().get(node),
        target.appKey(),
        options.sourceIps(),
        options.loops());
  }
}
