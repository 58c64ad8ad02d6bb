package io.vask.gateway.cluster.local;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.ConnectionQuota;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The connection quota on a single node: this node's open connections per app. */
final class LocalConnectionQuota implements ConnectionQuota {
  private final Map<String, Integer> connections = new HashMap<>();

  @Override
  public synchronized CompletionStage<Boolean> connectionOpened(String appId, int max) {
    int open = connections.getOrDefault(appId, 0);
    if (max > 0 && open >= max) {
      return completedFuture(false);
    }
    connections.put(appId, open + 1);
    return completedFuture(true);
  }

  @Override
  public synchronized void connectionClosed(String appId) {
    connections.computeIfPresent(appId, (k, open) -> open <= 1 ? null : open - 1);
  }

  @Override
  public synchronized long connections(String appId) {
    return connections.getOrDefault(appId, 0);
  }
}
