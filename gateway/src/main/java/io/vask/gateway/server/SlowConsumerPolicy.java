package io.vask.gateway.server;

import io.vask.gateway.GatewaySettings;

/**
 * When a socket that does not read is closed with 4100: once its pending bytes pass {@code
 * maxPendingBytes}, or once it has stayed unwritable for {@code graceMillis}.
 */
record SlowConsumerPolicy(long maxPendingBytes, long graceMillis) {
  static SlowConsumerPolicy of(GatewaySettings settings) {
    return new SlowConsumerPolicy(settings.maxPendingBytes(), settings.slowConsumerGraceMillis());
  }
}
