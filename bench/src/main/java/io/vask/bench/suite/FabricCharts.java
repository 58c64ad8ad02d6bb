package io.vask.bench.suite;

import io.vask.bench.scenario.ResultLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fabric-scale charts: clients back after a pod drains, and deliveries/s under overload. */
final class FabricCharts {
  private FabricCharts() {}

  static void write(List<ResultLine> lines, Path out) throws IOException {
    ResultLine storm = Fields.where(lines, "reconnect-storm", "target", "gateway-cluster");
    if (storm != null && storm.get("resubscribed_timeline") instanceof List<?> timeline) {
      LineChart chart =
          new LineChart(
              "reconnect storm: clients subscribed again after SIGTERM",
              "seconds after SIGTERM",
              "clients");
      List<double[]> points = new ArrayList<>();
      for (Object point : timeline) {
        List<?> p = (List<?>) point;
        points.add(
            new double[] {((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue()});
      }
      chart.add("resubscribed", false, points);
      chart.write(out.resolve("reconnect-storm.png"));
    }
    List<double[]> offered = new ArrayList<>();
    for (ResultLine line : lines) {
      if ("fanout".equals(line.get("scenario"))
          && line.get("overload_factor") instanceof Number factor
          && line.get("deliveries_per_sec") instanceof Number dps) {
        offered.add(new double[] {factor.doubleValue(), dps.doubleValue()});
      }
    }
    if (!offered.isEmpty()) {
      offered.sort(java.util.Comparator.comparingDouble(p -> p[0]));
      LineChart chart =
          new LineChart(
              "overload: deliveries/s vs offered rate",
              "offered rate (x the closed-loop maximum)",
              "deliveries/s");
      chart.add("gateway", false, offered);
      chart.write(out.resolve("overload.png"));
    }
  }
}
