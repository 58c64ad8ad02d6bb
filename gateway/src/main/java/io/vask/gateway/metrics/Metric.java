package io.vask.gateway.metrics;

/** Something that writes its samples in Prometheus text format. */
interface Metric {
  void writeTo(StringBuilder out);
}
