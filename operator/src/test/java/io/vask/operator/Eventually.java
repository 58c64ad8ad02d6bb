package io.vask.operator;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility with a timeout fit for a shared two-core machine: a reconcile normally lands within a
 * second, but other builds can stall the JVM for several.
 */
public final class Eventually {
  private Eventually() {}

  public static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100));
  }
}
