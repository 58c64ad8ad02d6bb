package io.vask.bench.suite;

import io.vask.bench.scenario.Options;
import java.util.List;

/** The sizes of the standard set; {@code --quick} shrinks it to a smoke run. */
record Plan(
    List<Integer> fanoutSizes,
    List<Double> rateFractions,
    int channelSockets,
    int channels,
    int pairs,
    double clientEventRate,
    double joinRate,
    int idleConnections,
    int clusterSubscribers,
    double seconds) {

  static Plan of(Options options) {
    boolean quick = Boolean.parseBoolean(options.text("quick", "false"));
    if (quick) {
      return new Plan(List.of(100, 500), List.of(0.5), 500, 20, 20, 1000, 100, 1000, 300, 2);
    }
    return new Plan(
        List.of(100, 1000, 2500, 5000),
        List.of(0.25, 0.5, 0.75),
        2000,
        100,
        200,
        10_000,
        500,
        options.integer("idle-connections", 15_000),
        1000,
        options.decimal("duration", 5));
  }
}
