package io.vask.gateway.metrics;

import java.util.Map;
import java.util.TreeMap;

/** The metric families of a Prometheus text exposition, by name, with their type. */
final class ExportedFamilies {
  private ExportedFamilies() {}

  static Map<String, String> of(String exposition) {
    Map<String, String> families = new TreeMap<>();
    exposition
        .lines()
        .filter(line -> line.startsWith("# TYPE "))
        .map(line -> line.substring("# TYPE ".length()).split(" "))
        .forEach(parts -> families.put(parts[0], parts[1]));
    return families;
  }
}
