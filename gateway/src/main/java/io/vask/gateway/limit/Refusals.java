package io.vask.gateway.limit;

import io.vask.gateway.metrics.GatewayMetrics;

/** Counts every refusal of a limit in {@code vask_limit_refusals_total}, by {@link LimitReason}. */
public final class Refusals {
  private final GatewayMetrics metrics;

  public Refusals(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  public void count(LimitReason reason) {
    metrics.limitRefusal(reason.label());
  }

  public long value(LimitReason reason) {
    return metrics.total("vask_limit_refusals_total", "reason", reason.label());
  }
}
