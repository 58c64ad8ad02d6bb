package io.vask.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * docs/capacity.md's figures are those of the published run's unit-costs.json (docs/bench/), or
 * "pending" while it has none; {@code vask-bench capacity} sets them.
 */
class CapacityDocTest {
  private static final Path DOC = Path.of("../docs/capacity.md");
  private static final Path UNITS = Path.of("../docs/bench/unit-costs.json");

  @Test
  void everyFigureInTheDocIsTheOneThePublishedRunGives() throws Exception {
    String doc = Files.readString(DOC);
    Map<String, Double> figures = CapacityModel.EXAMPLE.figures(CapacityDoc.values(UNITS));
    assertThat(doc)
        .as("run: java -jar bench/target/vask-bench.jar capacity")
        .isEqualTo(CapacityDoc.render(doc, figures));
  }

  @Test
  void theDocNamesOnlyKnownFiguresAndEveryMeasuredUnit() throws Exception {
    Set<String> named = new HashSet<>();
    Matcher m = CapacityDoc.FIGURE.matcher(Files.readString(DOC));
    while (m.find()) {
      named.add(m.group(2));
    }
    Map<String, Double> all = CapacityModel.EXAMPLE.figures(fullUnits());
    assertThat(all.keySet()).containsAll(named);
    assertThat(named).containsAll(UnitCosts.of(java.util.List.of()).keySet());
  }

  @Test
  void theExampleFleetFollowsFromTheUnitCosts() {
    Map<String, Double> f = CapacityModel.EXAMPLE.figures(fullUnits());
    // 10 M deliveries/s x 60 CPU-s per million = 600 cores busy, 1000 at 60 % utilisation
    assertThat(f.get("example_gateway_cores")).isEqualTo(1000.0);
    assertThat(f.get("example_pods")).isEqualTo(500.0);
    // 100 000 events/s, each into NATS once and out to each of 500 pods
    assertThat(f.get("example_nats_messages_per_second")).isEqualTo(100_000.0 * 501);
    // 50.1 M messages/s x 1 CPU-s per million = 50.1 cores busy, 84 at 60 % utilisation
    assertThat(f.get("example_nats_cores")).isEqualTo(84.0);
    assertThat(CapacityDoc.format(null)).isEqualTo("pending");
    assertThat(CapacityDoc.format(1234.5)).isEqualTo("1,235");
    assertThat(CapacityDoc.format(0.12345)).isEqualTo("0.123");
  }

  private static Map<String, Double> fullUnits() {
    Map<String, Double> units = new java.util.LinkedHashMap<>();
    for (String name : UnitCosts.of(java.util.List.of()).keySet()) {
      units.put(name, 1.0);
    }
    units.put("gateway_cpu_s_per_million_deliveries_cluster", 60.0);
    return units;
  }
}
