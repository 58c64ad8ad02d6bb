package io.vask.gateway.server;

import java.util.function.BooleanSupplier;

/**
 * Whether this node should get traffic: apps loaded, cluster reachable (when clustered), not
 * draining, not at its connection limit. Read by {@code /ready} and by the upgrade path (a draining
 * node refuses new sockets).
 */
public final class Readiness {
  private final BooleanSupplier clusterHealthy;
  private final BooleanSupplier full;
  private volatile boolean draining;

  public Readiness(BooleanSupplier clusterHealthy) {
    this(clusterHealthy, () -> false);
  }

  /** Also not ready while {@code full} (the pod holds its maximum of connections). */
  public Readiness(BooleanSupplier clusterHealthy, BooleanSupplier full) {
    this.clusterHealthy = clusterHealthy;
    this.full = full;
  }

  public boolean ready() {
    return !draining && clusterHealthy.getAsBoolean() && !full.getAsBoolean();
  }

  public boolean draining() {
    return draining;
  }

  void startDraining() {
    draining = true;
  }

  /** Why the node is not ready, for the {@code /ready} body. */
  String reason() {
    if (draining) {
      return "draining";
    }
    if (!clusterHealthy.getAsBoolean()) {
      return "cluster unreachable";
    }
    return full.getAsBoolean() ? "at connection limit" : "ok";
  }
}
