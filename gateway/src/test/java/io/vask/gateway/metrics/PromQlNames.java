package io.vask.gateway.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left after label matchers, grouping clauses,
 * range selectors, strings, Grafana variables, numbers, functions and keywords go.
 */
final class PromQlNames {
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "inf",
          "nan");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

  private PromQlNames() {}

  /** The metric of a Grafana template query {@code label_values(metric, label)}, if any. */
  static Set<String> ofTemplateQuery(String query) {
    Matcher metric = LABEL_VALUES.matcher(query);
    return metric.find() ? Set.of(metric.group(1)) : of(query);
  }

  static Set<String> of(String expression) {
    String bare =
        expression
            .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\$\\{?\\w+}?", " ")
            // numbers and durations (5m, 1.5); "_1m" inside a name has no word boundary
            .replaceAll("\\b\\d[\\w.]*", " ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      String name = identifier.group();
      boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
      if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        names.add(name);
      }
    }
    return names;
  }
}
