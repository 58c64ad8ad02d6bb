package io.vask.gateway.cluster;

import java.util.function.LongSupplier;

/**
 * One queue of a clustered gateway that grows while NATS is unreachable, for metrics: its name (the
 * {@code queue} label), how it is measured, what it holds now and its bound. What it refuses past
 * the bound is counted by the part that owns it.
 */
public record OutageQueue(String name, Unit unit, LongSupplier size, long bound) {

  /** What {@link #size} and {@link #bound} count. */
  public enum Unit {
    BYTES,
    ENTRIES
  }
}
