package io.vask.bench.suite;

import io.vask.bench.scenario.ResultLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The run as Markdown tables (summary.md), for docs/benchmarks.md to quote. */
final class Summary {
  private Summary() {}

  static void write(List<ResultLine> lines, List<Map<String, Object>> targets, Path file)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("| scenario | target | size | rate (events/s) | deliveries/s | of ceiling | loss |")
        .append(" p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | server CPU % | client CPU % |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ResultLine line : lines) {
      if (line.get("error") != null) {
        md.append("| ")
            .append(line.get("scenario"))
            .append(" | ")
            .append(line.get("target"))
            .append(" | error: ")
            .append(String.valueOf(line.get("error")).replace("|", "/"))
            .append(" |||||||||||\n");
        continue;
      }
      if (!(line.get("latency_ms") instanceof Map<?, ?> latency)) {
        continue;
      }
      Map<?, ?> cpu = line.get("cpu") instanceof Map<?, ?> c ? c : Map.of();
      md.append("| ")
          .append(line.get("scenario"))
          .append(" | ")
          .append(line.get("target"))
          .append(" | ")
          .append(size(line))
          .append(" | ")
          .append(rate(line))
          .append(" | ")
          .append(line.get("deliveries_per_sec"))
          .append(" | ")
          .append(line.get("fraction_of_ceiling") == null ? "" : line.get("fraction_of_ceiling"))
          .append(" | ")
          .append(line.get("loss"))
          .append(" | ")
          .append(latency.get("p50"))
          .append(" | ")
          .append(latency.get("p90"))
          .append(" | ")
          .append(latency.get("p99"))
          .append(" | ")
          .append(latency.get("p99_9"))
          .append(" | ")
          .append(latency.get("max"))
          .append(" | ")
          .append(cpu.get("server_pct"))
          .append(" | ")
          .append(cpu.get("client_pct"))
          .append(" |\n");
    }
    ResultLine idle = Verdicts.find(lines, "gateway", "idle", null, null);
    if (idle != null && idle.get("bytes_per_connection") instanceof Map<?, ?> perConnection) {
      md.append(
              "\n| idle connections | heap after GC B/conn | direct B/conn | heap+direct B/conn |")
          .append(
              " RSS B/conn | server heap after GC | server RSS |\n|---|---|---|---|---|---|---|\n")
          .append("| ")
          .append(idle.get("subscribed"))
          .append(" | ")
          .append(perConnection.get("heap_after_gc"))
          .append(" | ")
          .append(perConnection.get("direct"))
          .append(" | ")
          .append(perConnection.get("heap_plus_direct"))
          .append(" | ")
          .append(perConnection.get("rss"))
          .append(" | ")
          .append(mib(idle.get("server_heap_after_gc_bytes")))
          .append(" | ")
          .append(mib(idle.get("server_rss_bytes")))
          .append(" |\n");
    }
    FabricSummary.append(md, lines);
    md.append("\n| target | measured | met |\n|---|---|---|\n");
    for (Map<String, Object> t : targets) {
      md.append("| ")
          .append(t.get("target"))
          .append(" | ")
          .append(String.valueOf(t.get("measured")).replace("|", "/").replace("\n", " "))
          .append(" | ")
          .append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**")
          .append(" |\n");
    }
    Files.writeString(file, md.toString());
  }

  private static String size(ResultLine line) {
    Object subscribers = line.get("subscribers");
    if (line.get("channels") != null) {
      return subscribers + " sockets / " + line.get("channels") + " channels";
    }
    if (line.get("pairs") != null) {
      return line.get("pairs") + " pairs";
    }
    if (line.get("churners") != null) {
      return line.get("churners") + " churners";
    }
    return subscribers == null ? "" : subscribers + " subscribers";
  }

  private static String rate(ResultLine line) {
    Object rate = line.get("rate");
    if (line.get("joins_per_sec") != null) {
      return line.get("joins_per_sec") + " joins";
    }
    if ("max".equals(rate)) {
      return "max (" + line.get("events_per_sec") + ")";
    }
    return rate == null ? "" : String.valueOf(rate);
  }

  private static String mib(Object bytes) {
    return bytes instanceof Number b
        ? String.format("%.1f MiB", b.doubleValue() / 1048576.0)
        : String.valueOf(bytes);
  }
}
