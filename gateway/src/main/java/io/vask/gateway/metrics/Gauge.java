package io.vask.gateway.metrics;

import java.util.function.DoubleSupplier;

/** A value read at scrape time. */
final class Gauge implements Metric {
  private final String name;
  private final String help;
  private final DoubleSupplier value;

  Gauge(String name, String help, DoubleSupplier value) {
    this.name = name;
    this.help = help;
    this.value = value;
  }

  @Override
  public void writeTo(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    double v = value.getAsDouble();
    out.append(name).append(' ');
    if (v == Math.rint(v) && !Double.isInfinite(v)) {
      out.append((long) v);
    } else {
      out.append(v);
    }
    out.append('\n');
  }
}
