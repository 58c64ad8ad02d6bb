package io.vask.gateway.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A counter family; {@link #labels} picks (and creates) one series. */
public final class Counter implements Metric {
  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<List<String>, LongAdder> series = new ConcurrentHashMap<>();
  private final LongAdder unlabelled;

  Counter(String name, String help, List<String> labelNames) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
    this.unlabelled =
        labelNames.isEmpty() ? series.computeIfAbsent(List.of(), k -> new LongAdder()) : null;
  }

  public void inc() {
    unlabelled.increment();
  }

  public void add(long n) {
    unlabelled.add(n);
  }

  public LongAdder labels(String... values) {
    if (values.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " takes labels " + labelNames);
    }
    return series.computeIfAbsent(List.of(values), k -> new LongAdder());
  }

  public long value(String... values) {
    LongAdder adder = series.get(List.of(values));
    return adder == null ? 0 : adder.sum();
  }

  @Override
  public void writeTo(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    series.forEach(
        (labels, adder) -> {
          out.append(name);
          Labels.write(out, labelNames, labels, null, null);
          out.append(' ').append(adder.sum()).append('\n');
        });
  }
}
