package io.vask.gateway.metrics;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A fixed-bucket histogram of seconds. */
public final class Histogram implements Metric {
  private final String name;
  private final String help;
  private final double[] bounds;
  private final LongAdder[] buckets;
  private final LongAdder count = new LongAdder();
  private final DoubleAdder sum = new DoubleAdder();

  Histogram(String name, String help, double[] bounds) {
    this.name = name;
    this.help = help;
    this.bounds = bounds.clone();
    this.buckets = new LongAdder[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  public void observeNanos(long nanos) {
    observe(nanos / 1e9);
  }

  public void observe(double seconds) {
    for (int i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        buckets[i].increment();
        break;
      }
    }
    count.increment();
    sum.add(seconds);
  }

  @Override
  public void writeTo(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    long cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += buckets[i].sum();
      out.append(name).append("_bucket");
      Labels.write(out, List.of(), List.of(), "le", Double.toString(bounds[i]));
      out.append(' ').append(cumulative).append('\n');
    }
    out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
    out.append(name).append("_sum ").append(sum.sum()).append('\n');
    out.append(name).append("_count ").append(count.sum()).append('\n');
  }
}
