package io.vask.gateway.server;

import java.util.function.BooleanSupplier;

/**
 * Whether this node should get traffic, read by {@code /ready} and by the upgrade path (a draining
 * node refuses new sockets). Ready once the node has reached the cluster (when clustered), until it
 * drains, and while it is below its connection limit. A cluster outage after that does not take
 * readiness away: the node still serves its sockets, and an outage of a shared NATS would otherwise
 * remove every pod of every app from its Service at once. The outage shows in the {@code /ready}
 * body (and {@code vask_cluster_connected}).
 */
public final class Readiness {
  private final BooleanSupplier clusterConnected;
  private final BooleanSupplier full;
  private volatile boolean reachedCluster;
  private volatile boolean draining;

  public Readiness(BooleanSupplier clusterConnected) {
    this(clusterConnected, () -> false);
  }

  /** Also not ready while {@code full} (the pod holds its maximum of connections). */
  public Readiness(BooleanSupplier clusterConnected, BooleanSupplier full) {
    this.clusterConnected = clusterConnected;
    this.full = full;
  }

  public boolean ready() {
    return !draining && reachedCluster() && !full.getAsBoolean();
  }

  public boolean draining() {
    return draining;
  }

  void startDraining() {
    draining = true;
  }

  /** True from the first time the cluster answered; never false again. */
  private boolean reachedCluster() {
    if (!reachedCluster && clusterConnected.getAsBoolean()) {
      reachedCluster = true;
    }
    return reachedCluster;
  }

  /** What the node's state is, for the {@code /ready} body. */
  String reason() {
    if (draining) {
      return "draining";
    }
    if (!reachedCluster()) {
      return "cluster never reached";
    }
    if (full.getAsBoolean()) {
      return "at connection limit";
    }
    return clusterConnected.getAsBoolean()
        ? "ok"
        : "degraded: cluster unreachable, serving this node's sockets only";
  }
}
