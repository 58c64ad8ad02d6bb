package io.vask.gateway.server;

import java.util.function.BooleanSupplier;

/**
 * Whether this node should get traffic: apps loaded, cluster reachable (when clustered), not
 * draining. Read by {@code /ready} and by the upgrade path (a draining node refuses new sockets).
 */
public final class Readiness {
  private final BooleanSupplier clusterHealthy;
  private volatile boolean draining;

  public Readiness(BooleanSupplier clusterHealthy) {
    this.clusterHealthy = clusterHealthy;
  }

  public boolean ready() {
    return !draining && clusterHealthy.getAsBoolean();
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
    return clusterHealthy.getAsBoolean() ? "ok" : "cluster unreachable";
  }
}
