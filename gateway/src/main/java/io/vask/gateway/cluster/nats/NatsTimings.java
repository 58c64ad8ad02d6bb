package io.vask.gateway.cluster.nats;

/**
 * The cluster's clocks: how long a last leave is held (Pusher's 3 s webhook de-bounce) and how long
 * a silent node's heartbeat lives before survivors evict it. Heartbeats go out five times per TTL
 * and the janitor looks every {@code sweepMillis}, so a dead node is evicted within about TTL + 2 ×
 * sweep (≤ 10 s by default, under the 15 s promised).
 */
public record NatsTimings(long leaveGraceMillis, long heartbeatTtlMillis, long sweepMillis) {
  public static final NatsTimings DEFAULT = new NatsTimings(3000, 5000, 2000);
}
