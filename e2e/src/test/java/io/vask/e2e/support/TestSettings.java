package io.vask.e2e.support;

import io.vask.gateway.GatewaySettings;

/**
 * Gateway settings for tests: free ports, two I/O threads, and the timeouts a test may shorten so
 * that liveness, slow-consumer and authorization checks fire within seconds.
 */
public final class TestSettings {
  private final GatewaySettings defaults = GatewaySettings.builder().build();
  private long maxPendingBytes = defaults.maxPendingBytes();
  private long slowConsumerGraceMillis = defaults.slowConsumerGraceMillis();
  private int pongTimeoutSeconds = defaults.pongTimeoutSeconds();
  private int maxBodyBytes = defaults.maxBodyBytes();
  private long authorizationTimeoutMillis = defaults.authorizationTimeoutMillis();

  TestSettings() {}

  public TestSettings maxPendingBytes(long bytes) {
    this.maxPendingBytes = bytes;
    return this;
  }

  public TestSettings slowConsumerGraceMillis(long millis) {
    this.slowConsumerGraceMillis = millis;
    return this;
  }

  public TestSettings pongTimeoutSeconds(int seconds) {
    this.pongTimeoutSeconds = seconds;
    return this;
  }

  public TestSettings maxBodyBytes(int bytes) {
    this.maxBodyBytes = bytes;
    return this;
  }

  public TestSettings authorizationTimeoutMillis(long millis) {
    this.authorizationTimeoutMillis = millis;
    return this;
  }

  public GatewaySettings build() {
    return GatewaySettings.builder()
        .set(GatewaySettings.DRAIN_SECONDS, 1)
        .set(GatewaySettings.IO_THREADS, 2)
        .set(GatewaySettings.MAX_PENDING_BYTES, Math.toIntExact(maxPendingBytes))
        .set(GatewaySettings.SLOW_CONSUMER_GRACE_MS, Math.toIntExact(slowConsumerGraceMillis))
        .set(GatewaySettings.PONG_TIMEOUT_SECONDS, pongTimeoutSeconds)
        .set(GatewaySettings.MAX_BODY_BYTES, maxBodyBytes)
        .set(GatewaySettings.AUTHORIZATION_TIMEOUT_MS, Math.toIntExact(authorizationTimeoutMillis))
        .build();
  }
}
