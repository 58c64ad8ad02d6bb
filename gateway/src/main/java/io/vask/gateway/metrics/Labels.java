package io.vask.gateway.metrics;

import java.util.List;

/** Writes {@code {a="1",b="2"}} with Prometheus escaping. */
final class Labels {
  private Labels() {}

  static void write(
      StringBuilder out,
      List<String> names,
      List<String> values,
      String extraName,
      String extraValue) {
    if (names.isEmpty() && extraName == null) {
      return;
    }
    out.append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      pair(out, names.get(i), values.get(i));
    }
    if (extraName != null) {
      if (!names.isEmpty()) {
        out.append(',');
      }
      pair(out, extraName, extraValue);
    }
    out.append('}');
  }

  private static void pair(StringBuilder out, String name, String value) {
    out.append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    out.append('"');
  }
}
