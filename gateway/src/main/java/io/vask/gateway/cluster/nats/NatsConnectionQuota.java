package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.ConnectionQuota;
import java.util.concurrent.CompletionStage;

/** The connection quota as per-node {@code cn.} keys ({@link LocalCounts}). */
final class NatsConnectionQuota implements ConnectionQuota {
  private final LocalCounts counts;

  NatsConnectionQuota(LocalCounts counts) {
    this.counts = counts;
  }

  @Override
  public CompletionStage<Boolean> connectionOpened(String appId, int max) {
    return completedFuture(counts.openConnection(appId, max));
  }

  @Override
  public void connectionClosed(String appId) {
    counts.closeConnection(appId);
  }
}
