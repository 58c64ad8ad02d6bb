package io.vask.bench.suite;

import io.vask.bench.scenario.ResultLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The run's charts: fan-out throughput against subscribers, latency percentiles against rate. */
final class Charts {
  private Charts() {}

  static void write(List<ResultLine> lines, Path out) throws IOException {
    int sweepSize = sweepSize(lines);
    LineChart throughput =
        new LineChart(
            "fanout: deliveries/s vs subscribers (closed loop)", "subscribers", "deliveries/s");
    LineChart latency =
        new LineChart(
            "fanout: latency vs publish rate",
            "events/s published (" + sweepSize + " subscribers)",
            "ms");
    for (String target : List.of("gateway", "ceiling")) {
      List<double[]> perSize = new ArrayList<>();
      List<double[]> p50 = new ArrayList<>();
      List<double[]> p99 = new ArrayList<>();
      for (ResultLine line : lines) {
        if (!target.equals(line.get("target"))
            || !"fanout".equals(line.get("scenario"))
            || line.get("variant") != null
            || line.get("overload_factor") != null
            || !(line.get("deliveries_per_sec") instanceof Number dps)) {
          continue;
        }
        Object rate = line.get("rate");
        if ("max".equals(rate)) {
          perSize.add(
              new double[] {((Number) line.get("subscribers")).doubleValue(), dps.doubleValue()});
        } else if (rate instanceof Number r
            && Verdicts.same(line.get("subscribers"), sweepSize)
            && line.get("latency_ms") instanceof Map<?, ?> m) {
          p50.add(new double[] {r.doubleValue(), ((Number) m.get("p50")).doubleValue()});
          p99.add(new double[] {r.doubleValue(), ((Number) m.get("p99")).doubleValue()});
        }
      }
      Comparator<double[]> byX = Comparator.comparingDouble(p -> p[0]);
      perSize.sort(byX);
      p50.sort(byX);
      p99.sort(byX);
      boolean dashed = target.equals("ceiling");
      throughput.add(target, dashed, perSize);
      latency.add(target + " p50", dashed, p50);
      latency.add(target + " p99", dashed, p99);
    }
    throughput.write(out.resolve("throughput-vs-subscribers.png"));
    latency.write(out.resolve("latency-vs-rate.png"));
    FabricCharts.write(lines, out);
  }

  /** The size the rate sweep ran at: the one with the most fixed-rate fan-out runs. */
  private static int sweepSize(List<ResultLine> lines) {
    Map<Integer, Integer> runs = new HashMap<>();
    for (ResultLine line : lines) {
      if ("fanout".equals(line.get("scenario"))
          && line.get("variant") == null
          && line.get("overload_factor") == null
          && line.get("rate") instanceof Number
          && line.get("subscribers") instanceof Number size) {
        runs.merge(size.intValue(), 1, Integer::sum);
      }
    }
    return runs.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(1000);
  }
}
