package io.vask.gateway.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

/** Creates metrics and renders them all for a scrape. */
public final class MetricRegistry {
  private final List<Metric> metrics = new CopyOnWriteArrayList<>();

  public Counter counter(String name, String help, String... labelNames) {
    return add(new Counter(name, help, List.of(labelNames)));
  }

  public void gauge(String name, String help, DoubleSupplier value) {
    add(new Gauge(name, help, value));
  }

  public Histogram histogram(String name, String help, double... bounds) {
    return add(new Histogram(name, help, bounds));
  }

  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    for (Metric metric : metrics) {
      metric.writeTo(out);
    }
    return out.toString();
  }

  private <M extends Metric> M add(M metric) {
    metrics.add(metric);
    return metric;
  }
}
