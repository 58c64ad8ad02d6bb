package io.vask.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the figures of docs/capacity.md equal to a run's unit-costs.json: every figure in the page
 * is written {@code `value` <!-- unit-costs: name -->}, and {@link #render} rewrites the values
 * from the unit costs and {@link CapacityModel#EXAMPLE} ("pending" while not measured).
 */
public final class CapacityDoc {
  static final Pattern FIGURE = Pattern.compile("`([^`]*)` <!-- unit-costs: ([a-z0-9_]+) -->");

  private CapacityDoc() {}

  /** {@code capacity [--units docs/bench/unit-costs.json] [--doc docs/capacity.md]}. */
  public static int run(Path units, Path doc) throws IOException {
    String text = Files.readString(doc);
    Files.writeString(doc, render(text, CapacityModel.EXAMPLE.figures(values(units))));
    return 0;
  }

  /** The unit values of a unit-costs.json; empty when the file does not exist. */
  static Map<String, Double> values(Path units) throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    if (!Files.exists(units)) {
      return values;
    }
    JsonNode root = new ObjectMapper().readTree(units.toFile());
    root.path("units")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode value = e.getValue().path("value");
              if (value.isNumber()) {
                values.put(e.getKey(), value.asDouble());
              }
            });
    return values;
  }

  /** {@code text} with every marked figure set from {@code figures}. */
  static String render(String text, Map<String, Double> figures) {
    Matcher m = FIGURE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = format(figures.get(m.group(2)));
      m.appendReplacement(
          out, Matcher.quoteReplacement("`" + value + "` <!-- unit-costs: " + m.group(2) + " -->"));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String format(Double value) {
    if (value == null) {
      return "pending";
    }
    if (Math.abs(value) >= 100 || value == Math.rint(value)) {
      return String.format(java.util.Locale.ROOT, "%,.0f", value);
    }
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
  }
}
