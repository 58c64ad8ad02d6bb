package io.vask.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.bench.scenario.ResultLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fabric-scale targets as the suite judges them, and the unit costs it takes from lines. */
class FabricVerdictsTest {

  @Test
  void clusterCostIsTotalCpuPerDeliveryOfClusterOverSinglePod() {
    assertThat(met(List.of(cost(1, 10.0, null), cost(3, 12.0, 0.5)), "cluster cost")).isTrue();
    assertThat(met(List.of(cost(1, 10.0, null), cost(3, 13.0, 0.5)), "cluster cost")).isFalse();
    assertThat(met(List.of(cost(3, 12.0, 0.5)), "cluster cost")).isFalse();
  }

  @Test
  void crossPodLatencyIsBoundedAtOneMillisecond() {
    assertThat(met(List.of(cost(3, 12.0, 0.9)), "cluster: a cross-pod")).isTrue();
    assertThat(met(List.of(cost(3, 12.0, 1.4)), "cluster: a cross-pod")).isFalse();
  }

  @Test
  void aStormWith4100ClosesFailsEvenWhenEveryoneIsBack() {
    assertThat(met(List.of(storm(true, Map.of("4200", 10))), "reconnect storm")).isTrue();
    assertThat(met(List.of(storm(true, Map.of("4200", 9, "4100", 1))), "reconnect storm"))
        .isFalse();
    assertThat(met(List.of(storm(false, Map.of("4200", 10))), "reconnect storm")).isFalse();
  }

  @Test
  void overloadComparesTwiceTheRateWithTheSustainableOne() {
    assertThat(met(List.of(overload(1.0, 1000), overload(2.0, 950)), "overload")).isTrue();
    assertThat(met(List.of(overload(1.0, 1000), overload(2.0, 600)), "overload")).isFalse();
  }

  @Test
  void limitsCostIsCpuPerDeliveryWithLimitsOverWithout() {
    assertThat(met(List.of(variant("limits-on", 1.02), variant("limits-off", 1.0)), "limits"))
        .isTrue();
    assertThat(met(List.of(variant("limits-on", 1.05), variant("limits-off", 1.0)), "limits"))
        .isFalse();
  }

  @Test
  void unitCostsCarryTheClusterFiguresAndNatsPerMessageFromTheNatsLoad() {
    ResultLine natsLoad = cost(3, 50.0, 0.5).put("scenario", "nats-load");
    Map<String, UnitCosts.Unit> units =
        UnitCosts.of(List.of(cost(1, 10.0, null), cost(3, 12.0, 0.5), natsLoad));
    assertThat(units.get("gateway_cpu_s_per_million_deliveries_single").value()).isEqualTo(10.0);
    assertThat(units.get("gateway_cpu_s_per_million_deliveries_cluster").value()).isEqualTo(11.0);
    // 0.4 CPU-s of nats-server for 1000 events, each one message in and three out
    assertThat(units.get("nats_cpu_s_per_million_messages").value()).isEqualTo(100.0);
    assertThat(units.get("webhook_events_per_second").value()).isNull();
    // the standard cost run does not load NATS: no per-message figure from it alone
    assertThat(
            UnitCosts.of(List.of(cost(3, 12.0, 0.5)))
                .get("nats_cpu_s_per_million_messages")
                .value())
        .isNull();
  }

  private static ResultLine cost(int nodes, double total, Double addedP50) {
    ResultLine line =
        ResultLine.of(
            new java.util.LinkedHashMap<>(
                Map.of(
                    "scenario",
                    "delivery-cost",
                    "target",
                    nodes == 1 ? "gateway" : "gateway-cluster",
                    "nodes",
                    nodes,
                    "loss",
                    0,
                    "events_sent",
                    1000,
                    "cpu",
                    Map.of("server_cpu_seconds_by_process", List.of(1.0, 1.0, 1.0, 0.4)))));
    java.util.Map<String, Object> cost = new java.util.LinkedHashMap<>();
    cost.put("total_cpu_s_per_million", total);
    cost.put("gateway_cpu_s_per_million", nodes == 1 ? total : total - 1);
    if (addedP50 != null) {
      cost.put("added_p50_ms", addedP50);
    }
    return line.put("cost", cost);
  }

  private static ResultLine storm(boolean inWindow, Map<String, Integer> closes) {
    return ResultLine.of(
        new java.util.LinkedHashMap<>(
            Map.of(
                "scenario",
                "reconnect-storm",
                "target",
                "gateway-cluster",
                "all_back_within_drain_window",
                inWindow,
                "closes_by_code",
                closes)));
  }

  private static ResultLine overload(double factor, long deliveries) {
    return ResultLine.of(
        new java.util.LinkedHashMap<>(
            Map.of(
                "scenario",
                "fanout",
                "target",
                "gateway",
                "overload_factor",
                factor,
                "deliveries_per_sec",
                deliveries)));
  }

  private static ResultLine variant(String name, double cpuSeconds) {
    return ResultLine.of(
        new java.util.LinkedHashMap<>(
            Map.of(
                "scenario",
                "fanout",
                "target",
                "gateway",
                "variant",
                name,
                "deliveries_received",
                1_000_000,
                "cpu",
                Map.of("server_cpu_seconds", cpuSeconds))));
  }

  private static boolean met(List<ResultLine> lines, String targetPrefix) {
    for (Map<String, Object> v : FabricVerdicts.targets(lines)) {
      if (v.get("target").toString().startsWith(targetPrefix)) {
        return Boolean.TRUE.equals(v.get("met"));
      }
    }
    throw new AssertionError("no target starting with " + targetPrefix);
  }
}
