package io.vask.gateway.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The families docs/metrics.md lists: table rows {@code | `name` | type | labels | present |
 * meaning |}, by name, with their "present" column.
 */
final class MetricsDoc {
  private MetricsDoc() {}

  static Map<String, String> families(Path page) throws IOException {
    Map<String, String> families = new TreeMap<>();
    for (String line : Files.readAllLines(page)) {
      if (line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        families.put(cells[1].trim().replace("`", ""), cells[4].trim());
      }
    }
    return families;
  }
}
