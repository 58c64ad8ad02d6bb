package io.vask.bench.suite;

import io.vask.bench.scenario.ResultLine;
import java.util.List;
import java.util.Map;

/** Reads result lines as they come back from JSON: nested fields, numbers of any boxed type. */
final class Fields {
  private Fields() {}

  /** The value at {@code path} (nested maps), or null. */
  static Object at(ResultLine line, String... path) {
    if (line == null) {
      return null;
    }
    Object value = line.get(path[0]);
    for (int i = 1; i < path.length && value != null; i++) {
      value = value instanceof Map<?, ?> m ? m.get(path[i]) : null;
    }
    return value;
  }

  /** The number at {@code path}, or null. */
  static Double number(ResultLine line, String... path) {
    return at(line, path) instanceof Number n ? n.doubleValue() : null;
  }

  /** The first line of {@code scenario} whose field {@code name} equals {@code value}. */
  static ResultLine where(List<ResultLine> lines, String scenario, String name, Object value) {
    for (ResultLine line : lines) {
      if (scenario.equals(line.get("scenario"))
          && line.get("error") == null
          && Verdicts.same(value, line.get(name))) {
        return line;
      }
    }
    return null;
  }

  /** Server CPU-seconds per million deliveries of a fan-out line, or null. */
  static Double cpuPerMillion(ResultLine line) {
    Double seconds = number(line, "cpu", "server_cpu_seconds");
    Double received = number(line, "deliveries_received");
    return seconds == null || received == null || received <= 0 ? null : seconds / received * 1e6;
  }

  static String format(Double value) {
    return value == null ? "—" : String.format("%.3g", value);
  }
}
