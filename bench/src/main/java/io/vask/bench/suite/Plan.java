package io.vask.bench.suite;

import io.vask.bench.scenario.Options;
import java.util.List;

/** The sizes of the standard set; {@code --quick} shrinks it to a smoke run. */
record Plan(Fanout fanout, Loads loads, Fabric fabric, double seconds) {

  /** The fraction of the ceiling's maximum the gateway must sustain (issue 6). */
  static final double SUSTAINED = 0.7;

  /** Subscriber counts of the fan-out scenarios and the rates they are driven at. */
  record Fanout(
      List<Integer> sizes,
      int sweepSize,
      List<Double> rateFractions,
      List<Integer> sustainedSizes) {}

  /** The sizes of the other scenarios: channels, client events, presence churn, idle, cluster. */
  record Loads(
      int channelSockets,
      int channels,
      int pairs,
      double clientEventRate,
      double joinRate,
      int idleConnections,
      int clusterSubscribers) {}

  /**
   * The sizes of the fabric-scale scenarios (issue 17) and of the limits/debug variants (issues 13
   * and 15). Sized for a 2-core machine and 20 000 descriptors per process; the options override.
   */
  record Fabric(
      int costSubscribersPerNode,
      double costRate,
      int connects,
      int stormClients,
      int stormDrainSeconds,
      int presenceMembers,
      double presenceJoinRate,
      int presenceChurners,
      double webhookRate,
      int variantSize,
      double natsLoadRate) {}

  static Plan of(Options options) {
    boolean quick = Boolean.parseBoolean(options.text("quick", "false"));
    if (quick) {
      return new Plan(
          new Fanout(List.of(100, 500), 500, List.of(SUSTAINED), List.of(500)),
          new Loads(500, 20, 20, 1000, 100, 1000, 300),
          new Fabric(50, 20, 300, 300, 2, 100, 10, 20, 300, 100, 200),
          2);
    }
    return new Plan(
        new Fanout(
            List.of(100, 1000, 2500, 5000),
            1000,
            List.of(0.25, 0.5, SUSTAINED),
            List.of(1000, 5000)),
        new Loads(2000, 100, 200, 10_000, 500, options.integer("idle-connections", 15_000), 1000),
        new Fabric(
            300,
            100,
            10_000,
            options.integer("storm-clients", 10_000),
            10,
            options.integer("presence-members", 2000),
            options.decimal("presence-join-rate", 5),
            100,
            6000,
            100,
            options.decimal("nats-load-rate", 1500)),
        options.decimal("duration", 5));
  }
}
