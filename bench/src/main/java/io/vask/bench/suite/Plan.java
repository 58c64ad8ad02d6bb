package io.vask.bench.suite;

import io.vask.bench.scenario.Options;
import java.util.List;

/** The sizes of the standard set; {@code --quick} shrinks it to a smoke run. */
record Plan(Fanout fanout, Loads loads, double seconds) {

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

  static Plan of(Options options) {
    boolean quick = Boolean.parseBoolean(options.text("quick", "false"));
    if (quick) {
      return new Plan(
          new Fanout(List.of(100, 500), 500, List.of(SUSTAINED), List.of(500)),
          new Loads(500, 20, 20, 1000, 100, 1000, 300),
          2);
    }
    return new Plan(
        new Fanout(
            List.of(100, 1000, 2500, 5000),
            1000,
            List.of(0.25, 0.5, SUSTAINED),
            List.of(1000, 5000)),
        new Loads(2000, 100, 200, 10_000, 500, options.integer("idle-connections", 15_000), 1000),
        options.decimal("duration", 5));
  }
}
