package io.vask.bench.scenario;

import java.util.List;

/**
 * The server under test: {@code name} is "gateway" or "ceiling"; {@code ports} has one
 * WebSocket/API port per node (three for cluster-fanout); {@code pids} are the server processes
 * (CPU, memory), and {@code metricsPort} is the first node's /metrics port (0 when there is none).
 */
public record Target(
    String name,
    String host,
    List<Integer> ports,
    List<Long> pids,
    int metricsPort,
    String appId,
    String appKey,
    String appSecret) {

  public int port() {
    return ports.get(0);
  }
}
