package io.vask.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.bench.scenario.ResultLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The targets as the suite judges them from result lines. */
class VerdictsTest {

  @Test
  void sustainedFanoutAt1000NeedsPaceNoLossAndP99Under100Ms() {
    assertThat(met(List.of(sustained(1000, 100, 100, 0, 60)), "fanout 1000")).isTrue();
    assertThat(met(List.of(sustained(1000, 100, 100, 0, 150)), "fanout 1000")).isFalse();
    assertThat(met(List.of(sustained(1000, 100, 80, 0, 60)), "fanout 1000")).isFalse();
    assertThat(met(List.of(sustained(1000, 100, 100, 3, 60)), "fanout 1000")).isFalse();
  }

  @Test
  void sustainedFanoutAt5000IsThroughputAloneWithItsP99Reported() {
    List<ResultLine> lines = List.of(sustained(5000, 16, 16, 0, 203));
    assertThat(met(lines, "fanout 5000")).isTrue();
    assertThat(verdict(lines, "fanout 5000").get("measured").toString()).contains("p99 203.0 ms");
    assertThat(met(List.of(sustained(5000, 16, 12, 0, 50)), "fanout 5000")).isFalse();
  }

  @Test
  void aFanoutRunThatIsNotTheSustainedOneDecidesNothing() {
    ResultLine sweep = sustained(1000, 100, 100, 0, 60);
    sweep.put("fraction_of_ceiling_rate", 0.5);
    assertThat(met(List.of(sweep), "fanout 1000")).isFalse();
    assertThat(verdict(List.of(sweep), "fanout 1000").get("measured")).isEqualTo("not run");
  }

  @Test
  void crossNodeCostIsTheOtherNodesP50AboveThePublishersNode() {
    assertThat(met(List.of(cluster(12.0, 11.0)), "cluster: a cross-node")).isTrue();
    assertThat(met(List.of(cluster(10.0, 13.5)), "cluster: a cross-node")).isFalse();
  }

  private static ResultLine sustained(
      int subscribers, double rate, double sent, long loss, double p99) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("scenario", "fanout");
    fields.put("target", "gateway");
    fields.put("subscribers", subscribers);
    fields.put("rate", rate);
    fields.put("events_per_sec", sent);
    fields.put("loss", loss);
    fields.put("deliveries_per_sec", (long) (sent * subscribers));
    fields.put("latency_ms", Map.of("p50", p99 / 2, "p99", p99));
    fields.put("fraction_of_ceiling_rate", Plan.SUSTAINED);
    return ResultLine.of(fields);
  }

  private static ResultLine cluster(double publisherNodeP50, double otherNodesP50) {
    Map<String, Object> cross = new LinkedHashMap<>();
    cross.put("rate", 10.0);
    cross.put("p50_ms_publisher_node", publisherNodeP50);
    cross.put("p50_ms_other_nodes", otherNodesP50);
    cross.put("added_p50_ms", otherNodesP50 - publisherNodeP50);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("scenario", "cluster-fanout");
    fields.put("target", "gateway-cluster");
    fields.put("loss", 0L);
    fields.put("cross_node", cross);
    return ResultLine.of(fields);
  }

  private static boolean met(List<ResultLine> lines, String targetPrefix) {
    return (Boolean) verdict(lines, targetPrefix).get("met");
  }

  private static Map<String, Object> verdict(List<ResultLine> lines, String targetPrefix) {
    for (Map<String, Object> v : Verdicts.targets(new ArrayList<>(lines))) {
      if (v.get("target").toString().startsWith(targetPrefix)) {
        return v;
      }
    }
    throw new AssertionError("no verdict for " + targetPrefix);
  }
}
